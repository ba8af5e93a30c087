using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tarjama.Tests.Cli;

/// <summary>Token ids the model does not have — in generation_config.json, in vocab.json, or a tokenizer that belongs to
/// another model — are one line naming the file and the id at load, exit 2; before, ONNX Runtime failed at the first
/// translation (internal error, exit 70), or the id was silently never generated.</summary>
public class ModelVocabularyCliTests
{
    [Theory]
    [InlineData("{\"eos_token_id\": 999999}", "eos_token_id 999999 is not a token of the model (ids 0 to 2047")]
    [InlineData("{\"decoder_start_token_id\": 2048}", "decoder_start_token_id 2048 is not a token of the model")]
    [InlineData("{\"pad_token_id\": -5}", "pad_token_id -5 is not a token of the model")]
    [InlineData("{\"forced_eos_token_id\": 99999}", "forced_eos_token_id 99999 is not a token of the model")]
    [InlineData("{\"bad_words_ids\": [[5], [7, 99999]]}", "bad_words_ids 99999 is not a token of the model")]
    [InlineData("{\"eos_token_id\": 2.5}", "generation_config.json: eos_token_id takes a token id or a list of them (got 2.5)")]
    [InlineData("{\"eos_token_id\": [0, \"x\"]}", "generation_config.json: eos_token_id takes a token id or a list of them (got [0, \"x\"])")]
    public void A_special_id_outside_the_model_s_vocabulary_is_named(string generationConfig, string expected)
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel);
        File.WriteAllText(model.File("generation_config.json"), generationConfig);
        TranslateSentencesCliTests.AssertOneErrorLine(Translate(model), expected);
    }

    [Theory]
    [InlineData(-1, "vocab.json: '{0}' has id -1; ids run from 0 to")]
    [InlineData(int.MaxValue, "vocab.json: '{0}' has id 2147483647; ids run from 0 to")]
    [InlineData(2100, "the tokenizer gives ids up to 2100, but the model has 2048 tokens (vocab_size in")]
    public void A_vocabulary_id_the_model_does_not_have_is_named(int id, string expected)
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel);
        var vocabulary = JsonNode.Parse(File.ReadAllText(model.File("vocab.json")))!.AsObject();
        // A piece the input below is made of, so that before the check the encoder met the id.
        string piece = vocabulary.Select(p => p.Key).First(p => p.Length > 2 && p[0] == '\u2581');
        vocabulary[piece] = id;
        File.WriteAllText(model.File("vocab.json"), vocabulary.ToJsonString());
        var result = CliRunner.Run(piece[1..] + "\n", "translate", "-m", model.Path, "--sentences", "--beams", "1", "--max-new-tokens", "4");
        TranslateSentencesCliTests.AssertOneErrorLine(result, string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, piece));
    }

    [Fact]
    public void A_multilingual_tokenizer_larger_than_the_model_is_refused()
    {
        using var model = new ModelCopy(Fixtures.Path("models", "tiny-nllb"));
        var config = JsonNode.Parse(File.ReadAllText(model.File("config.json")))!.AsObject();
        config["vocab_size"] = 2000;
        File.WriteAllText(model.File("config.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        TranslateSentencesCliTests.AssertOneErrorLine(Translate(model), "but the model has 2000 tokens (vocab_size in");
    }

    private static CliRunner.Result Translate(ModelCopy model) =>
        CliRunner.Run("مرحبا\n", "translate", "-m", model.Path, "--sentences", "--beams", "1", "--max-new-tokens", "4");
}
