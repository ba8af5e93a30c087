using System.Text.Json.Nodes;
using Tarjama.Translation;

namespace Tarjama.Tests.Tokenization;

/// <summary>Tokenizer files damaged or edited by hand are a TarjamaException naming the file (one line, exit 2 in the
/// CLI); before, each of these failed inside a dictionary or an array: an internal error, exit 70.</summary>
public class DamagedTokenizerFileTests
{
    [Theory]
    [InlineData("id", "an added token needs a whole-number id and a content (got id 'abc'")]
    [InlineData("content", "an added token needs a whole-number id and a content")]
    [InlineData("twice", "is listed twice")]
    public void A_damaged_added_token_is_named(string damage, string expected)
    {
        using var model = new ModelCopy(Fixtures.Path("models", "tiny-nllb"));
        string path = model.File("tokenizer_config.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!;
        var decoder = config["added_tokens_decoder"]!.AsObject();
        var (id, token) = decoder.Last();
        switch (damage)
        {
            case "id":
                decoder.Remove(id);
                decoder["abc"] = token;
                break;
            case "content":
                token!["content"] = null;
                break;
            default:
                decoder["99999"] = token!.DeepClone();
                break;
        }
        File.WriteAllText(path, config.ToJsonString());
        var error = Assert.Throws<TarjamaException>(() => Translator.Load(model.Path));
        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_tokenizer_json_piece_without_a_score_is_named()
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel, "source.spm", "target.spm", "vocab.json");
        string path = model.File("tokenizer.json");
        var tokenizer = JsonNode.Parse(File.ReadAllText(path))!;
        tokenizer["model"]!["vocab"]![5] = new JsonArray("▁a");
        File.WriteAllText(path, tokenizer.ToJsonString());
        Assert.StartsWith($"{path}: not a usable tokenizer.json", Assert.Throws<TarjamaException>(() => Translator.Load(model.Path)).Message);
    }

    [Fact]
    public void An_empty_m2m100_vocabulary_is_refused_rather_than_translating_to_nothing()
    {
        using var model = new ModelCopy(Fixtures.Path("models", "tiny-m2m100"));
        File.WriteAllText(model.File("vocab.json"), "{}");
        Assert.Equal($"{model.File("vocab.json")}: the vocabulary is empty", Assert.Throws<TarjamaException>(() => Translator.Load(model.Path)).Message);
    }
}
