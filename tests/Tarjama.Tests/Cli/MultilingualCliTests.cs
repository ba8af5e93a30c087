using System.Text.Json;
using Tarjama.Tests.Engine;

namespace Tarjama.Tests.Cli;

/// <summary><c>tarjama translate</c> on the NLLB fixture: the pair from <c>--from/--to</c> (ISO or NLLB codes, an
/// Arabic dialect source), n-best in jsonl, and one-line errors for languages or options the model cannot take.</summary>
public class MultilingualCliTests
{
    private static readonly string Model = Fixtures.Path("models", "tiny-nllb");

    [Theory]
    [InlineData("ar", "en", "arb_Arab", "eng_Latn")]
    [InlineData("eng", "arb_Arab", "eng_Latn", "arb_Arab")]
    [InlineData("arz", "en", "arz_Arab", "eng_Latn")]
    public void Sentences_take_the_pair_from_from_and_to_with_n_best_in_jsonl(string from, string to, string source, string target)
    {
        var golden = MultilingualGolden.Read(Fixtures.Path("golden", "hf.tiny-nllb.beam4.bs1.jsonl"))
            .Where(g => g.SourceLanguage == source && g.TargetLanguage == target).Take(2).ToList();
        string input = string.Join("\n", golden.Select(g => g.Input)) + "\n";
        var result = CliRunner.Run(input, "translate", "-m", Model, "--sentences", "--from", from, "--to", to, "--output", "jsonl",
            "--beams", "4", "--n-best", "4", "--max-new-tokens", "32");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var records = result.Stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(golden.Count, records.Count);
        for (int i = 0; i < golden.Count; i++)
        {
            static int[] Ids(JsonElement e) => e.GetProperty("token_ids").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var hypotheses = records[i].GetProperty("alternatives").EnumerateArray().Prepend(records[i]).ToList();
            Assert.Equal(golden[i].Hypotheses.Select(h => h.OutputIds), hypotheses.Select(Ids));
        }
    }

    [Theory]
    [InlineData("arb")]
    [InlineData("arb_Arab")]
    public void A_multi_target_opus_mt_model_takes_every_code_of_its_target_language(string code)
    {
        // opus-mt-en-ar's tokens are >>ara<<, >>arz<<, >>apc<<; docs/engine.md promises ISO 639-3 arb as well as ar.
        // Before, a --to other than ar or ara was refused at load: "'arb' matches none of >>apc<< >>ara<< >>arz<<".
        string[] args = ["translate", "-m", Fixtures.Path("models", "tiny-en-ar"), "--sentences", "--output", "jsonl", "--max-new-tokens", "8"];
        var expected = CliRunner.Run("Hello\n", [.. args, "--to", "ar"]);
        var result = CliRunner.Run("Hello\n", [.. args, "--to", code]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(0, expected.ExitCode);
        Assert.Equal(expected.Stdout, result.Stdout);
    }

    [Theory]
    [InlineData("--to", "xx", "no target language 'xx'")]
    [InlineData("--n-best", "2", "--n-best needs --output jsonl")]
    public void Bad_languages_and_options_are_one_line_errors(string option, string value, string message)
    {
        var result = CliRunner.Run("مرحبا\n", "translate", "-m", Model, "--sentences", "--beams", "2", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void An_unknown_model_type_is_refused_naming_the_key()
    {
        using var model = new ModelCopy(Model);
        File.WriteAllText(model.File("config.json"), File.ReadAllText(model.File("config.json")).Replace("\"m2m_100\"", "\"t5\""));
        var result = CliRunner.Run("hello\n", "translate", "-m", model.Path, "--sentences");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("model_type 't5' is not supported", result.Stderr);
    }

    [Fact]
    public void A_generation_setting_that_would_change_the_output_is_refused_naming_the_key()
    {
        using var model = new ModelCopy(Model);
        File.WriteAllText(model.File("generation_config.json"), "{\"decoder_start_token_id\": 2, \"do_sample\": true}");
        var result = CliRunner.Run("hello\n", "translate", "-m", model.Path, "--sentences");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'do_sample': true changes the output and is not implemented", result.Stderr);
    }
}
