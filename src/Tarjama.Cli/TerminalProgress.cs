using System.Diagnostics;
using System.Globalization;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary>One progress line on a terminal's standard error, redrawn at most ten times a second: a bar when the size is
/// known, how much is done, the rate and the time left. Commands make none when standard error is not a terminal.</summary>
/// <param name="amount">Writes an amount of work: "120 lines", "4.2 MB".</param>
internal sealed class TerminalProgress(TextWriter terminal, Func<double, string> amount)
{
    private const int BarWidth = 20;
    private readonly Lock _lock = new();
    private readonly Stopwatch _sinceDrawn = new();
    private readonly Stopwatch _sinceStart = new();
    private string? _label;
    private long _startDone;
    private double _startFraction;
    private bool _onScreen;

    /// <summary>Time since the first report.</summary>
    public TimeSpan Elapsed => _sinceStart.Elapsed;

    /// <summary>A progress line on standard error counting <paramref name="unit"/> (singular: "line"), or null when it is not a terminal.</summary>
    public static TerminalProgress? OnStandardError(string unit) =>
        Console.IsErrorRedirected ? null : new TerminalProgress(Console.Error, n => Count(n, unit));

    /// <summary>"1 line", "1,204.5 lines".</summary>
    public static string Count(double n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n:#,0.#} {Counted.Noun(n, unit)}");

    /// <param name="fraction">Between 0 and 1 when the total is known.</param>
    /// <param name="label">What is being done, e.g. a file name; a new label starts the rate afresh.</param>
    public void Report(long done, double? fraction, string? label = null)
    {
        lock (_lock)
        {
            if (!_sinceStart.IsRunning || label != _label)
            {
                (_label, _startDone, _startFraction) = (label, done, fraction ?? 0);
                _sinceStart.Restart();
            }
            if (_onScreen && _sinceDrawn.ElapsedMilliseconds < 100 && fraction is not 1.0)
            {
                return;
            }
            terminal.Write($"\r{Fit(Line(done, fraction))}\u001b[K");
            terminal.Flush();
            _onScreen = true;
            _sinceDrawn.Restart();
        }
    }

    /// <summary>Takes the line off the screen, so that other output starts at the start of a line.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_onScreen)
            {
                terminal.Write("\r\u001b[K");
                terminal.Flush();
                _onScreen = false;
            }
        }
    }

    /// <summary>Replaces the line with a last one that stays, e.g. "tarjama: translated 120 lines in 4.1 s".</summary>
    public void Finish(string summary)
    {
        Clear();
        terminal.WriteLine(summary);
        terminal.Flush();
    }

    private string Line(long done, double? fraction)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (_label is not null)
        {
            parts.Add(_label);
        }
        if (fraction is { } f)
        {
            parts.Add(string.Create(c, $"[{new string('#', (int)(f * BarWidth)).PadRight(BarWidth, '-')}] {(int)(f * 100),3}%"));
        }
        parts.Add(amount(done));
        double seconds = _sinceStart.Elapsed.TotalSeconds;
        if (seconds > 0.2 && done > _startDone)
        {
            parts.Add($"{amount((done - _startDone) / seconds)}/s");
            if (fraction is { } g && g < 1 && g > _startFraction)
            {
                var left = TimeSpan.FromSeconds(Math.Min(seconds * (1 - g) / (g - _startFraction), TimeSpan.FromDays(1).TotalSeconds));
                parts.Add($"{(int)left.TotalMinutes}:{left.Seconds:00} left");
            }
        }
        return string.Join("  ", parts);
    }

    // A line wider than the terminal would wrap, and \r would then redraw only its last row.
    private static string Fit(string line)
    {
        int width;
        try
        {
            width = Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            width = 80;
        }
        return width > 1 && line.Length >= width ? line[..(width - 1)] : line;
    }
}
