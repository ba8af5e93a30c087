using System.Diagnostics;
using System.Globalization;
using Tarjama.Documents;

namespace Tarjama.Cli;

/// <summary>How far a translation got, in lines or segments: drawn on the terminal's progress line while it runs, then
/// the one-line summary at the end, or what an interruption says was done.</summary>
internal sealed class TranslationTally : IProgress<DocumentProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _unit;
    private readonly TerminalProgress? _terminal;

    /// <summary>Starts the clock, and the progress line at 0.</summary>
    /// <param name="unit">What is counted, singular ("line").</param>
    public TranslationTally(string unit, TerminalProgress? terminal)
    {
        (_unit, _terminal) = (unit, terminal);
        _terminal?.Report(0, 0);
    }

    public long Done { get; private set; }

    public void Report(DocumentProgress value) => Report(value.Segments, value.Fraction);

    public void Report(long done, double? fraction)
    {
        Done = done;
        _terminal?.Report(done, fraction);
    }

    /// <summary>The last line on a terminal, e.g. "tarjama: translated 120 lines in 4.1 s (29.3 lines/s) into out.txt".</summary>
    /// <param name="checks">What the quality checks found, said after the rest.</param>
    public void Finish(string outputName, string checks)
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        _terminal?.Finish(string.Create(CultureInfo.InvariantCulture,
            $"tarjama: translated {TerminalProgress.Count(Done, _unit)} in {seconds:0.0} s ({TerminalProgress.Count(Done / Math.Max(seconds, 1e-3), _unit)}/s) into {outputName}; {checks}"));
    }

    /// <summary>What an interruption reports: how much was translated, and whether it was written.</summary>
    public string HowFar(CliOutput output)
    {
        _terminal?.Clear();
        string done = TerminalProgress.Count(Done, _unit);
        return output.HasWritten
            ? $"{done} translated; what was finished is written to {output.Name}"
            : $"{done} translated; nothing was written to {output.Name}";
    }
}
