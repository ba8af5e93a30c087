using System.Diagnostics;

namespace Tarjama.Translation;

/// <summary>Puts the segments of requests that arrive together through the engine in shared batches, on one worker
/// thread: a batch runs when it is full, when no segment has arrived for <see cref="BatchingOptions.ArrivalGap"/>, or when
/// its oldest segment has waited <see cref="BatchingOptions.MaxWait"/>.
/// A request is fed to the queue one piece (at most a batch) at a time, its next piece queued behind the others' as its
/// last is taken, so requests of any size share the engine in turns and the queue holds only what is waiting now.
/// A request is refused at once with <see cref="TranslationQueueFullException"/> when its first piece finds no room.</summary>
/// <remarks>The engine uses every core for one batch, so translators that share an engine gate never run at the same time.</remarks>
public sealed class BatchingTranslator : ISegmentTranslator, IDisposable
{
    private sealed class Request(IReadOnlyList<string> segments, TranslationOptions options, int pieceSize, EngineTimeBudget? budget)
    {
        private int _piecesLeft = (segments.Count + pieceSize - 1) / pieceSize;

        public object Id { get; } = new();
        public EngineTimeBudget? Budget { get; } = budget;
        public TranslationOptions Options { get; } = options;
        public TranslationResult[] Results { get; } = new TranslationResult[segments.Count];
        public TaskCompletionSource<IReadOnlyList<TranslationResult>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Where the next piece to queue starts; the segments' count once all are queued.</summary>
        public int NextOffset { get; private set; }

        public bool IsLive => !Done.Task.IsCompleted;

        public bool HasMore => NextOffset < segments.Count;

        public int NextPieceSize => Math.Min(pieceSize, segments.Count - NextOffset);

        public Piece NextPiece()
        {
            var piece = new Piece(this, NextOffset, segments.Skip(NextOffset).Take(pieceSize).ToList());
            NextOffset += piece.Segments.Count;
            return piece;
        }

        public void Complete(Piece piece, IEnumerable<TranslationResult> results)
        {
            int i = piece.Offset;
            foreach (var result in results)
            {
                Results[i++] = result;
            }
            if (Interlocked.Decrement(ref _piecesLeft) == 0)
            {
                Done.TrySetResult(Results);
            }
        }
    }

    private sealed class Piece(Request request, int offset, IReadOnlyList<string> segments)
    {
        public Request Request { get; } = request;
        public int Offset { get; } = offset;
        public IReadOnlyList<string> Segments { get; } = segments;
        public long EnqueuedAt { get; } = Stopwatch.GetTimestamp();
    }

    private readonly Func<IReadOnlyList<TranslationItem>, CancellationToken, IReadOnlyList<TranslationResult>> _engine;
    private readonly SemaphoreSlim? _engineGate;
    private readonly Queue<Piece> _queue = new();
    private readonly Queue<Request> _waiting = new();
    private readonly object _lock = new();
    private readonly Thread _worker;
    private readonly int _pieceSize;
    private int _queued;
    private long _lastArrival;
    private long _lastBatchEnd;
    private bool _closed;

    /// <param name="engine">Translates one batch, results in input order.</param>
    /// <param name="engineGate">Shared by translators that must not run the engine at the same time; null when alone.</param>
    public BatchingTranslator(string sourceLanguage, string targetLanguage,
        Func<IReadOnlyList<string>, CancellationToken, IReadOnlyList<TranslationResult>> engine,
        BatchingOptions? options = null, SemaphoreSlim? engineGate = null)
        : this(new LanguageOffer(sourceLanguage, targetLanguage, [sourceLanguage], [targetLanguage], 1),
            (items, token) => engine([.. items.Select(item => item.Text)], token), options, engineGate)
    {
    }

    /// <summary>What a model offers: its default pair, every language it reads and writes (ISO codes), and the beams
    /// its default search keeps.</summary>
    private sealed record LanguageOffer(string Source, string Target, IReadOnlyList<string> Sources, IReadOnlyList<string> Targets, int NumBeams, string? Name = null);

    private BatchingTranslator(LanguageOffer offer,
        Func<IReadOnlyList<TranslationItem>, CancellationToken, IReadOnlyList<TranslationResult>> engine,
        BatchingOptions? options, SemaphoreSlim? engineGate)
    {
        Options = options ?? new BatchingOptions();
        Options.Validate();
        SourceLanguage = offer.Source;
        TargetLanguage = offer.Target;
        SourceLanguages = offer.Sources;
        TargetLanguages = offer.Targets;
        NumBeams = offer.NumBeams;
        Name = offer.Name;
        _engine = engine;
        _engineGate = engineGate;
        _pieceSize = Math.Min(Options.MaxBatchSize, Options.MaxQueuedSegments);
        _worker = new Thread(Run) { IsBackground = true, Name = $"tarjama-batches-{offer.Source}-{offer.Target}" };
        _worker.Start();
    }

    /// <summary>Batches for a model, counting the tokens it generates; each request's pair and decoding options go to
    /// the model with its texts, so requests for different pairs of one multilingual model share batches.</summary>
    /// <param name="name">What requests call the model by when several offer their pair (null: unnamed).</param>
    public static BatchingTranslator For(Translator translator, BatchingOptions? options = null, SemaphoreSlim? engineGate = null, string? name = null)
    {
        var family = translator.Family;
        var offer = new LanguageOffer(translator.SourceLanguage, translator.TargetLanguage,
            [.. family.SourceLanguages.Select(family.IsoCode).Distinct()], [.. family.TargetLanguages.Select(family.IsoCode).Distinct()],
            translator.Settings.NumBeams, name);
        return new(offer, (items, token) => translator.TranslateDetailed(items, token), options, engineGate);
    }

    /// <summary>Batches for any translator (generated tokens are reported as 0). It has one pair and no decoding
    /// options, so a request's options are not passed on and its results have no alternatives.</summary>
    public static BatchingTranslator For(ISegmentTranslator translator, BatchingOptions? options = null, SemaphoreSlim? engineGate = null) =>
        new(translator.SourceLanguage, translator.TargetLanguage,
            (segments, token) => translator.Translate(segments, token).Select((text, i) => new TranslationResult(segments[i], text, [], 0)).ToList(),
            options, engineGate);

    /// <summary>The model's name as the operator gave it, or null.</summary>
    public string? Name { get; }
    public string SourceLanguage { get; }
    public string TargetLanguage { get; }
    /// <summary>Every language the model reads (ISO codes); requests may name any of these as their source.</summary>
    public IReadOnlyList<string> SourceLanguages { get; }
    /// <summary>Every language the model writes (ISO codes).</summary>
    public IReadOnlyList<string> TargetLanguages { get; }
    /// <summary>The beams the model's default search keeps.</summary>
    public int NumBeams { get; }
    public BatchingOptions Options { get; }

    /// <summary>Segments waiting for the engine now (not the later pieces of the requests being fed).</summary>
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
    /// <exception cref="TranslationQueueFullException">Thrown at once when the queue has no room for the first piece.</exception>
    public Task<IReadOnlyList<TranslationResult>> TranslateDetailedAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        TranslateDetailedAsync(segments, null, cancellationToken);

    /// <summary>As <see cref="TranslateDetailedAsync(IReadOnlyList{string}, CancellationToken)"/>, charging the engine
    /// time spent on these segments to <paramref name="budget"/>, which several calls may share.</summary>
    /// <exception cref="EngineTimeExceededException">The budget ran out (at once, or later through the task).</exception>
    public Task<IReadOnlyList<TranslationResult>> TranslateDetailedAsync(IReadOnlyList<string> segments, EngineTimeBudget? budget, CancellationToken cancellationToken = default) =>
        TranslateDetailedAsync(segments, new TranslationOptions(), budget, cancellationToken);

    /// <summary>As <see cref="TranslateDetailedAsync(IReadOnlyList{string}, EngineTimeBudget, CancellationToken)"/>, with
    /// the pair and decoding options of this request (one of <see cref="SourceLanguages"/> into one of
    /// <see cref="TargetLanguages"/>).</summary>
    public Task<IReadOnlyList<TranslationResult>> TranslateDetailedAsync(IReadOnlyList<string> segments, TranslationOptions options, EngineTimeBudget? budget, CancellationToken cancellationToken = default)
    {
        if (segments.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TranslationResult>>([]);
        }
        budget?.ThrowIfSpent();
        var request = new Request(segments, options, _pieceSize, budget);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_queued + request.NextPieceSize > Options.MaxQueuedSegments)
            {
                throw new TranslationQueueFullException(_queued, Options.MaxQueuedSegments);
            }
            Enqueue(request.NextPiece());
            Monitor.PulseAll(_lock);
        }
        // A cancelled request's queued piece is skipped by the worker when it reaches it, and its later pieces never queue.
        var registration = cancellationToken.Register(() => request.Done.TrySetCanceled(cancellationToken));
        return Gather(request, registration);
    }

    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        (await TranslateDetailedAsync(segments, cancellationToken)).Select(r => r.Translation).ToList();

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        TranslateAsync(segments, cancellationToken).GetAwaiter().GetResult();

    /// <summary>This translator for one request's pair and options, every call charged to <paramref name="budget"/> when
    /// given: one per HTTP request, say, so that all of a request's calls count against one engine-time limit.</summary>
    public RequestTranslator For(TranslationOptions options, EngineTimeBudget? budget = null) => new(this, options, budget);

    /// <summary>A view of the queue with one request's pair, options and budget.</summary>
    public sealed class RequestTranslator(BatchingTranslator batching, TranslationOptions options, EngineTimeBudget? budget) : ISegmentTranslator
    {
        public string SourceLanguage => options.SourceLanguage ?? batching.SourceLanguage;
        public string TargetLanguage => options.TargetLanguage ?? batching.TargetLanguage;

        /// <summary>The beams the model's default search keeps.</summary>
        public int NumBeams => batching.NumBeams;

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
            TranslateDetailedAsync(segments, new Decoding.GenerationOverrides(), cancellationToken).GetAwaiter().GetResult().Select(r => r.Translation).ToList();

        /// <summary>Translates with these decoding overrides on top of the request's.</summary>
        public Task<IReadOnlyList<TranslationResult>> TranslateDetailedAsync(IReadOnlyList<string> segments, Decoding.GenerationOverrides generation, CancellationToken cancellationToken = default) =>
            batching.TranslateDetailedAsync(segments, options with { Generation = generation.Over(options.Generation) }, budget, cancellationToken);
    }

    private static async Task<IReadOnlyList<TranslationResult>> Gather(Request request, CancellationTokenRegistration registration)
    {
        using (registration)
        {
            return await request.Done.Task;
        }
    }

    /// <summary>Under the lock.</summary>
    private void Enqueue(Piece piece)
    {
        _queue.Enqueue(piece);
        _queued += piece.Segments.Count;
        _lastArrival = piece.EnqueuedAt;
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
                if (next.Request.IsLive)
                {
                    batch.Add(next);
                    segments += next.Segments.Count;
                    if (next.Request.HasMore)
                    {
                        _waiting.Enqueue(next.Request);
                    }
                }
            }
            FeedWaiting();
            return batch;
        }
    }

    /// <summary>Queues the next piece of each request being fed, in turn, while there is room; under the lock.</summary>
    private void FeedWaiting()
    {
        int turns = _waiting.Count;
        while (turns-- > 0 && _waiting.TryPeek(out var request))
        {
            if (!request.IsLive)
            {
                _waiting.Dequeue();
                continue;
            }
            if (_queued + request.NextPieceSize > Options.MaxQueuedSegments)
            {
                return;
            }
            _waiting.Dequeue();
            Enqueue(request.NextPiece());
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
            results = _engine([.. batch.SelectMany(p => p.Segments.Select(segment => new TranslationItem(segment, p.Request.Options)))], CancellationToken.None);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One request's bad input must not fail the requests that shared its batch: run each alone.
            batch.ForEach(piece => Execute([piece]));
            return;
        }
        catch (Exception e)
        {
            batch[0].Request.Done.TrySetException(e);
            return;
        }
        var engineTime = Stopwatch.GetElapsedTime(started);
        _lastBatchEnd = Stopwatch.GetTimestamp();
        // Reported before the requests complete, so whoever awaits a request sees its batch counted.
        BatchTranslated?.Invoke(new BatchReport(
            batch.Select(p => p.Request.Id).Distinct().Count(), results.Count, results.Sum(r => (long)r.TokenIds.Length), engineTime,
            Stopwatch.GetElapsedTime(batch.Min(p => p.EnqueuedAt), started), PairShares(batch, results)));
        int offset = 0;
        foreach (var piece in batch)
        {
            piece.Request.Complete(piece, results.Skip(offset).Take(piece.Segments.Count));
            offset += piece.Segments.Count;
            if (piece.Request.Budget is { } budget)
            {
                // Each request pays its share of the batch; one that has spent its budget stops here.
                budget.Charge(engineTime * piece.Segments.Count / results.Count);
                if (budget.IsSpent)
                {
                    piece.Request.Done.TrySetException(new EngineTimeExceededException(budget.Limit));
                }
            }
        }
    }

    // Each piece's segments and tokens under the pair its request asked for (the model's default when it named none).
    private List<PairShare> PairShares(List<Piece> batch, IReadOnlyList<TranslationResult> results)
    {
        var shares = new Dictionary<(string, string), (int Segments, long Tokens)>();
        int offset = 0;
        foreach (var piece in batch)
        {
            var key = (piece.Request.Options.SourceLanguage ?? SourceLanguage, piece.Request.Options.TargetLanguage ?? TargetLanguage);
            long tokens = results.Skip(offset).Take(piece.Segments.Count).Sum(r => (long)r.TokenIds.Length);
            var (segments, total) = shares.GetValueOrDefault(key);
            shares[key] = (segments + piece.Segments.Count, total + tokens);
            offset += piece.Segments.Count;
        }
        return [.. shares.Select(s => new PairShare(s.Key.Item1, s.Key.Item2, s.Value.Segments, s.Value.Tokens))];
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
