using System.Diagnostics;

namespace Tarjama.Engine;

/// <summary>Time spent inside ONNX Runtime, so benchmarks can show how much of the wall time is ours, and how much
/// of the output projection greedy search skipped.</summary>
public sealed class EngineStatistics
{
    private long _ticks;
    private long _runs;
    private long _shortlists;
    private long _shortlisted;

    public TimeSpan OnnxTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Greedy steps that computed only a shortlist of logits exactly, and how many tokens they computed exactly.</summary>
    public (long Steps, long Tokens) Shortlists => (Interlocked.Read(ref _shortlists), Interlocked.Read(ref _shortlisted));

    internal void CountShortlist(int tokens)
    {
        Interlocked.Increment(ref _shortlists);
        Interlocked.Add(ref _shortlisted, tokens);
    }

    internal T Measure<T>(Func<T> run)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return run();
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref _runs);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _runs, 0);
        Interlocked.Exchange(ref _shortlists, 0);
        Interlocked.Exchange(ref _shortlisted, 0);
    }
}
