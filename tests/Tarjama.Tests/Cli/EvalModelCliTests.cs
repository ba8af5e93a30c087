using System.Text.Json;

namespace Tarjama.Tests.Cli;

/// <summary><c>eval --model</c> runs the real engine and scores what it produced exactly as <c>eval --hyp</c> scores
/// the same output written by <c>translate --sentences</c>.</summary>
public class EvalModelCliTests
{
    [Fact]
    public void Eval_with_the_engine_agrees_with_eval_of_its_written_output()
    {
        string source = Fixtures.Path("evaluation", "src.ar.txt");
        string reference = Fixtures.Path("evaluation", "ref1.txt");
        var evaluated = CliRunner.Run("", "eval", "--model", Fixtures.ReferenceModel, "--src", source, "--ref", reference, "--json");
        Assert.Equal(0, evaluated.ExitCode);

        string hypotheses = Path.GetTempFileName();
        try
        {
            var translated = CliRunner.Run("", "translate", "-m", Fixtures.ReferenceModel, "--sentences", "-i", source, "-o", hypotheses);
            Assert.Equal(0, translated.ExitCode);
            var scored = CliRunner.Run("", "eval", "--hyp", hypotheses, "--ref", reference, "--json");
            Assert.Equal(0, scored.ExitCode);

            var withModel = JsonDocument.Parse(evaluated.Stdout).RootElement;
            var fromFile = JsonDocument.Parse(scored.Stdout).RootElement;
            foreach (var metric in new[] { "bleu", "chrf", "chrf++" })
            {
                Assert.Equal(fromFile.GetProperty(metric).GetProperty("score").GetDouble(), withModel.GetProperty(metric).GetProperty("score").GetDouble());
                Assert.Equal(fromFile.GetProperty(metric).GetProperty("signature").GetString(), withModel.GetProperty(metric).GetProperty("signature").GetString());
            }
            Assert.True(withModel.GetProperty("throughput").GetProperty("sentences").GetInt32() == File.ReadAllLines(source).Length);
        }
        finally
        {
            File.Delete(hypotheses);
        }
    }
    /// <summary>A multilingual model is evaluated in the direction asked (<c>--from</c>, <c>--to</c>), as translate
    /// runs it; before, eval refused both options and could score only the model's default direction.</summary>
    [Fact]
    public void Eval_of_a_multilingual_model_translates_in_the_direction_asked()
    {
        string model = Fixtures.Path("models", "tiny-nllb");
        string source = Fixtures.Path("evaluation", "ref1.txt");
        string reference = Fixtures.Path("evaluation", "src.ar.txt");
        string[] direction = ["--from", "en", "--to", "ar", "--max-new-tokens", "8"];
        var evaluated = CliRunner.Run("", ["eval", "--model", model, "--src", source, "--ref", reference, "--json", "--metrics", "chrf", .. direction]);
        Assert.Equal(0, evaluated.ExitCode);

        string hypotheses = Path.GetTempFileName();
        try
        {
            var translated = CliRunner.Run("", ["translate", "-m", model, "--sentences", "-i", source, "-o", hypotheses, .. direction]);
            Assert.Equal(0, translated.ExitCode);
            var scored = CliRunner.Run("", "eval", "--hyp", hypotheses, "--ref", reference, "--json", "--metrics", "chrf");
            Assert.Equal(0, scored.ExitCode);
            Assert.Equal(
                JsonDocument.Parse(scored.Stdout).RootElement.GetProperty("chrf").GetProperty("score").GetDouble(),
                JsonDocument.Parse(evaluated.Stdout).RootElement.GetProperty("chrf").GetProperty("score").GetDouble());
        }
        finally
        {
            File.Delete(hypotheses);
        }
    }
}
