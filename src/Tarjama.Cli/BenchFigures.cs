using System.Globalization;
using System.Text;

namespace Tarjama.Cli;

/// <summary>One timed run: wall seconds, sentences, generated tokens and (ours only) seconds inside ONNX Runtime and
/// the tokens greedy's shortlist computed exactly per step.</summary>
internal sealed record BenchFigures(double Seconds, int Sentences, long Tokens, double? OnnxSeconds = null, double? ShortlistPerStep = null)
{
    public double SentencesPerSecond => Sentences / Seconds;
    public double TokensPerSecond => Tokens / Seconds;

    public static BenchFigures Median(List<BenchFigures> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
}

/// <summary>What <c>tarjama bench</c> prints.</summary>
internal sealed record BenchReport(string Model, string Dtype, int Sentences, int BatchSize, int Beams, int MaxNewTokens, int Threads,
    BenchFigures Ours, BenchFigures? TransformersJs, long PeakMemoryBytes)
{
    public double? SpeedRatio => TransformersJs is null ? null : TransformersJs.Seconds / Ours.Seconds;
    public double OutsideOnnxShare => Ours.OnnxSeconds is double onnx ? 1 - onnx / Ours.Seconds : double.NaN;

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"model {Model}, {Dtype} files: {Sentences} sentences, batch {BatchSize}, beams {Beams}, max {MaxNewTokens} new tokens, {Threads} threads");
        text.AppendLine(c, $"{"engine",-16}{"sentences/s",14}{"tokens/s",12}{"seconds",10}");
        text.AppendLine(c, $"{"tarjama",-16}{Ours.SentencesPerSecond,14:F2}{Ours.TokensPerSecond,12:F1}{Ours.Seconds,10:F2}");
        if (TransformersJs is { } peer)
        {
            text.AppendLine(c, $"{"transformers.js",-16}{peer.SentencesPerSecond,14:F2}{peer.TokensPerSecond,12:F1}{peer.Seconds,10:F2}");
            text.AppendLine(c, $"speed ratio (transformers.js time / ours): {SpeedRatio:F2}x");
        }
        else
        {
            text.AppendLine(Beams > 1 ? "no ONNX peer for this setting (transformers.js has no beam search)" : "no peer run (--reference none)");
        }
        if (Ours.ShortlistPerStep is double shortlist)
        {
            text.AppendLine(c, $"greedy output projection: int8 for every token, fp32 for {shortlist:F0} a step (the shortlist; --full-logits computes all)");
        }
        text.AppendLine(c, $"our wall time inside ONNX Runtime: {1 - OutsideOnnxShare:P1} (outside: {OutsideOnnxShare:P1}); our peak memory: {PeakMemoryBytes / (1024.0 * 1024):F0} MiB");
        return text.ToString();
    }
}
