using System.Diagnostics;

namespace Tarjama.Engine;

/// <summary>Time spent inside ONNX Runtime, so benchmarks can show how much of the wall time is ours.</summary>
public sealed class EngineStatistics
{
    private long _ticks;
    private long _runs;

    public TimeSpan OnnxTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));
    public long Runs => Interlocked.Read(ref _runs);

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
    }
}
