using System.Text.Json;
using Tarjama.Cli;
using Tarjama.Models;

namespace Tarjama.Tests.Cli;

/// <summary><c>bench</c> runs the engine and reports its figures (the transformers.js peer needs node packages, so it is
/// left out here: <c>--reference none</c>).</summary>
public class BenchCliTests
{
    [Fact]
    public void Bench_reports_throughput_onnx_share_and_memory()
    {
        var result = CliRunner.Run("", "bench", "-m", Fixtures.ReferenceModel, "--inputs", Fixtures.Path("reference-golden", "inputs_ar_50.txt"),
            "--count", "6", "--beams", "1", "--batch-size", "3", "--max-new-tokens", "8", "--reference", "none", "--json");
        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(6, report.GetProperty("Sentences").GetInt32());
        Assert.Equal("fp32", report.GetProperty("Dtype").GetString());
        var ours = report.GetProperty("Ours");
        Assert.InRange(ours.GetProperty("Tokens").GetInt64(), 6, 6 * 8);
        Assert.InRange(ours.GetProperty("OnnxSeconds").GetDouble(), 0.0001, ours.GetProperty("Seconds").GetDouble());
        Assert.True(report.GetProperty("PeakMemoryBytes").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("TransformersJs").ValueKind);
    }

    [Fact]
    public void Bench_takes_the_pair_of_a_multilingual_model()
    {
        string[] args = ["bench", "-m", Fixtures.Path("models", "tiny-m2m100"), "--inputs", Fixtures.Path("inputs", "ntrex-en-60.txt"),
            "--count", "4", "--max-new-tokens", "6", "--reference", "none", "--json", "--from", "en"];
        var result = CliRunner.Run("", [.. args, "--to", "ar"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("Sentences").GetInt32());
        var unknown = CliRunner.Run("", [.. args, "--to", "xx"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no target language 'xx'", unknown.Stderr);
    }

    [Fact]
    public void The_peer_loads_the_files_of_the_dtype_ours_loads()
    {
        var pair = new LanguagePair("arb_Arab", "eng_Latn");
        var arguments = new TransformersJsBench("bench.mjs", "model", ModelDtype.Q8, 16, 32, 2, pair).Arguments("inputs.txt").ToList();
        Assert.Equal("q8", arguments[arguments.IndexOf("--dtype") + 1]);
        Assert.Equal(["--src-lang", "arb_Arab", "--tgt-lang", "eng_Latn"], arguments[^4..]);
    }

    [Fact]
    public void Bench_with_inputs_that_are_not_there_says_which()
    {
        var result = CliRunner.Run("", "bench", "-m", Fixtures.ReferenceModel, "--inputs", "/nonexistent/inputs.txt", "--reference", "none");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("tarjama: error: /nonexistent/inputs.txt", result.Stderr.Trim());
    }
}
