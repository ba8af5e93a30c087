namespace Tarjama.Translation;

/// <summary>How a <see cref="BatchingTranslator"/> groups concurrent requests into engine batches.</summary>
public sealed record BatchingOptions
{
    /// <summary>Most segments in one engine batch.</summary>
    public int MaxBatchSize { get; init; } = 32;

    /// <summary>Longest time the first waiting segment of a batch waits for others to join it.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A batch also starts once no segment has arrived for this long: a lone request waits only this, while
    /// a burst whose requests trickle in keeps gathering up to <see cref="MaxWait"/>.</summary>
    public TimeSpan ArrivalGap { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Most segments waiting for the engine; requests that would pass it are refused at once.</summary>
    public int MaxQueuedSegments { get; init; } = 256;

    internal void Validate()
    {
        if (MaxBatchSize < 1 || MaxQueuedSegments < 1 || MaxWait < TimeSpan.Zero || ArrivalGap < TimeSpan.Zero)
        {
            throw new TarjamaException($"batching needs a batch size and queue capacity of at least 1 and waits of at least 0 (got {MaxBatchSize}, {MaxQueuedSegments}, {MaxWait}, {ArrivalGap})");
        }
    }
}

/// <summary>What one engine batch did, for metrics.</summary>
/// <param name="Requests">Requests whose segments were in the batch.</param>
/// <param name="Segments">Segments translated.</param>
/// <param name="GeneratedTokens">Tokens the engine generated (0 for translators that do not report them).</param>
/// <param name="EngineTime">Time inside the engine.</param>
/// <param name="LongestWait">Longest time a segment of this batch waited in the queue.</param>
/// <param name="Pairs">Segments and generated tokens by the language pair their requests asked for (a multilingual
/// model's batch can hold several).</param>
public sealed record BatchReport(int Requests, int Segments, long GeneratedTokens, TimeSpan EngineTime, TimeSpan LongestWait, IReadOnlyList<PairShare> Pairs);

/// <summary>The part of a batch that one language pair (ISO codes, as the requests named them) had.</summary>
public sealed record PairShare(string SourceLanguage, string TargetLanguage, int Segments, long GeneratedTokens);

/// <summary>The queue is full: the caller should try again later.</summary>
public sealed class TranslationQueueFullException(int queued, int capacity)
    : TarjamaException($"the translation queue is full ({queued} of {capacity} segments waiting); try again shortly")
{
    public int Queued { get; } = queued;
    public int Capacity { get; } = capacity;
}

/// <summary>The engine time one caller (an HTTP request) may use over all its calls: each batch charges every request in
/// it its share, by segments.</summary>
public sealed class EngineTimeBudget(TimeSpan limit)
{
    private long _usedTicks;

    public TimeSpan Limit { get; } = limit;

    public TimeSpan Used => TimeSpan.FromTicks(Interlocked.Read(ref _usedTicks));

    public bool IsSpent => Used > Limit;

    internal void Charge(TimeSpan time) => Interlocked.Add(ref _usedTicks, time.Ticks);

    internal void ThrowIfSpent()
    {
        if (IsSpent)
        {
            throw new EngineTimeExceededException(Limit);
        }
    }
}

/// <summary>A request needed more engine time than its budget: the client should send less at once.</summary>
public sealed class EngineTimeExceededException(TimeSpan limit)
    : TarjamaException($"the request needs more than {limit.TotalSeconds:0.###} s of engine time; send less text at once")
{
    public TimeSpan Limit { get; } = limit;
}
