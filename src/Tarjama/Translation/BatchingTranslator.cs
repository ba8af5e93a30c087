using System.Diagnostics;

namespace Tarjama.Translation;

/// <summary>Puts the segments of requests that arrive together through the engine in shared batches, on one worker
/// thread: a batch runs when it is full, when no segment has arrived for <see cref="BatchingOptions.ArrivalGap"/>, or when
/// its oldest segment has waited <see cref="BatchingOptions.MaxWait"/>.
/// Requests past the queue's capacity are refused at once with <see cref="TranslationQueueFullException"/>.</summary>
/// <remarks>The engine uses every core for one batch, so translators that share an engine gate never run at the same time.</remarks>
public sealed class BatchingTranslator : ISegmentTranslator, IDisposable
{
    private sealed class Piece(object request, IReadOnlyList<string> segments)
    {
        public object Request { get; } = request;
        public IReadOnlyList<string> Segments { get; } = segments;
        public long EnqueuedAt { get; } = Stopwatch.GetTimestamp();
        public TaskCompletionSource<IReadOnlyList<TranslationResult>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Func<IReadOnlyList<string>, CancellationToken, IReadOnlyList<TranslationResult>> _engine;
    private readonly SemaphoreSlim? _engineGate;
    private readonly Queue<Piece> _queue = new();
    private readonly object _lock = new();
    private readonly Thread _worker;
    private int _queued;
    private long _lastArrival;
    private long _lastBatchEnd;
    private bool _closed;

    /// <param name="engine">Translates one batch, results in input order.</param>
    /// <param name="engineGate">Shared by translators that must not run the engine at the same time; null when alone.</param>
    public BatchingTranslator(string sourceLanguage, string targetLanguage,
        Func<IReadOnlyList<string>, CancellationToken, IReadOnlyList<TranslationResult>> engine,
        BatchingOptions? options = null, SemaphoreSlim? engineGate = null)
    {
        Options = options ?? new BatchingOptions();
        Options.Validate();
        SourceLanguage = sourceLanguage;
        TargetLanguage = targetLanguage;
        _engine = engine;
        _engineGate = engineGate;
        _worker = new Thread(Run) { IsBackground = true, Name = $"tarjama-batches-{sourceLanguage}-{targetLanguage}" };
        _worker.Start();
    }

    /// <summary>Batches for a model, counting the tokens it generates.</summary>
    public static BatchingTranslator For(Translator translator, BatchingOptions? options = null, SemaphoreSlim? engineGate = null) =>
        new(translator.SourceLanguage, translator.TargetLanguage, (segments, token) => translator.TranslateDetailed(segments, null, token), options, engineGate);

    /// <summary>Batches for any translator (generated tokens are reported as 0).</summary>
    public static BatchingTranslator For(ISegmentTranslator translator, BatchingOptions? options = null, SemaphoreSlim? engineGate = null) =>
        new(translator.SourceLanguage, translator.TargetLanguage,
            (segments, token) => translator.Translate(segments, token).Select((text, i) => new TranslationResult(segments[i], text, [], 0)).ToList(),
            options, engineGate);

    public string SourceLanguage { get; }
    public string TargetLanguage { get; }
    public BatchingOptions Options { get; }

    /// <summary>Segments waiting for the engine now.</summary>
    public int QueuedSegments
    {
        get
        {
            lock (_lock)
            {
                return _queued;
            }
        }
    }

    /// <summary>Raised on the worker thread after each engine batch.</summary>
    public event Action<BatchReport>? BatchTranslated;

    /// <summary>Queues the segments and completes when all are translated, results in input order.</summary>
    /// <exception cref="TranslationQueueFullException">Thrown at once when the queue has no room for all the segments.</exception>
    public Task<IReadOnlyList<TranslationResult>> TranslateDetailedAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        if (segments.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TranslationResult>>([]);
        }
        var request = new object();
        var pieces = segments.Chunk(Options.MaxBatchSize).Select(chunk => new Piece(request, chunk)).ToList();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_queued + segments.Count > Options.MaxQueuedSegments)
            {
                throw new TranslationQueueFullException(_queued, Options.MaxQueuedSegments);
            }
            pieces.ForEach(_queue.Enqueue);
            _queued += segments.Count;
            _lastArrival = pieces[0].EnqueuedAt;
            Monitor.PulseAll(_lock);
        }
        // A cancelled request's pieces are skipped by the worker when it reaches them.
        var registration = cancellationToken.Register(() => pieces.ForEach(p => p.Done.TrySetCanceled(cancellationToken)));
        return Gather(pieces, registration);
    }

    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        (await TranslateDetailedAsync(segments, cancellationToken)).Select(r => r.Translation).ToList();

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        TranslateAsync(segments, cancellationToken).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<TranslationResult>> Gather(List<Piece> pieces, CancellationTokenRegistration registration)
    {
        using (registration)
        {
            var parts = await Task.WhenAll(pieces.Select(p => p.Done.Task));
            return parts.Length == 1 ? parts[0] : parts.SelectMany(p => p).ToList();
        }
    }

    private void Run()
    {
        while (WaitForWork())
        {
            _engineGate?.Wait();
            try
            {
                Execute(Collect());
            }
            finally
            {
                _engineGate?.Release();
            }
        }
    }

    /// <summary>False once closed and drained.</summary>
    private bool WaitForWork()
    {
        lock (_lock)
        {
            while (_queue.Count == 0 && !_closed)
            {
                Monitor.Wait(_lock);
            }
            return _queue.Count > 0;
        }
    }

    private List<Piece> Collect()
    {
        lock (_lock)
        {
            // Waits count from when the engine came free too: requests answered by the last batch come back soon
            // after it, and waiting for them keeps closed-loop clients in one batch instead of alternating halves.
            long start = Math.Max(_queue.Peek().EnqueuedAt, _lastBatchEnd);
            long deadline = start + Ticks(Options.MaxWait);
            while (_queued < Options.MaxBatchSize && !_closed
                && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Math.Min(deadline, Math.Max(_lastArrival, start) + Ticks(Options.ArrivalGap))) is { Ticks: > 0 } left)
            {
                Monitor.Wait(_lock, left);
            }
            var batch = new List<Piece>();
            int segments = 0;
            while (_queue.TryPeek(out var next) && (segments == 0 || segments + next.Segments.Count <= Options.MaxBatchSize))
            {
                _queue.Dequeue();
                _queued -= next.Segments.Count;
                if (!next.Done.Task.IsCompleted)
                {
                    batch.Add(next);
                    segments += next.Segments.Count;
                }
            }
            return batch;
        }
    }

    private static long Ticks(TimeSpan time) => (long)(time.TotalSeconds * Stopwatch.Frequency);

    private void Execute(List<Piece> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<TranslationResult> results;
        try
        {
            results = _engine(batch.SelectMany(p => p.Segments).ToList(), CancellationToken.None);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One request's bad input must not fail the requests that shared its batch: run each alone.
            batch.ForEach(piece => Execute([piece]));
            return;
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }
        var engineTime = Stopwatch.GetElapsedTime(started);
        _lastBatchEnd = Stopwatch.GetTimestamp();
        int offset = 0;
        foreach (var piece in batch)
        {
            piece.Done.TrySetResult(results.Skip(offset).Take(piece.Segments.Count).ToList());
            offset += piece.Segments.Count;
        }
        BatchTranslated?.Invoke(new BatchReport(
            batch.Select(p => p.Request).Distinct().Count(), offset, results.Sum(r => (long)r.TokenIds.Length), engineTime,
            Stopwatch.GetElapsedTime(batch.Min(p => p.EnqueuedAt), started)));
    }

    /// <summary>Stops taking requests, finishes the ones queued, then stops the worker.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
            Monitor.PulseAll(_lock);
        }
        _worker.Join();
    }
}
