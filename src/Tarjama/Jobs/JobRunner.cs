using System.Collections.Concurrent;
using System.Diagnostics;
using Tarjama.Documents;
using Tarjama.Translation;

namespace Tarjama.Jobs;

/// <summary>What translates a job's segments: a translator (the engine here, or the workers behind a Redis), the
/// fingerprint its results are journaled under, the inputs per journaled chunk, a name for metrics, and how the
/// document is read and written (translation memories among them).</summary>
public sealed record JobEngine(ISegmentTranslator Translator, string Fingerprint, int ChunkSegments, string Backend, DocumentTranslationOptions Document);

/// <summary>How a <see cref="JobRunner"/> runs and keeps its jobs.</summary>
public sealed record JobRunnerOptions
{
    /// <summary>Jobs translated at the same time (their segments share the engine's batches).</summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>How long a finished job (its result, or why it failed) is kept before it is removed.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Most jobs queued or running at once; past it submissions are refused.</summary>
    public int MaxUnfinished { get; init; } = 256;
}

/// <summary>Too many jobs are waiting or running to take another.</summary>
public sealed class TooManyJobsException(int limit) : Exception($"too many jobs queued or running (at most {limit}): wait for some to finish");

/// <summary>Runs stored jobs in the background, durably: a job is read into its distinct model inputs, those are
/// translated through a <see cref="TranslationJournal"/> (each chunk committed before the next), and the document is
/// rebuilt from them. Jobs a killed process was running are run again when the next starts, and find their finished
/// segments in the journal. Finished jobs are removed after the retention time.</summary>
public sealed class JobRunner : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly JobStore _store;
    private readonly string _journalPath;
    private readonly Func<JobSpec, JobEngine> _engines;
    private readonly JobRunnerOptions _options;
    private readonly ConcurrentDictionary<string, LiveJob> _live = new();
    private readonly ConcurrentDictionary<string, long> _translated = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread[] _workers;
    private readonly Timer _sweeper;

    /// <param name="engines">The engine for a job; throws <see cref="TarjamaException"/> when the job cannot run here (its model is not loaded).</param>
    public JobRunner(JobStore store, string journalPath, Func<JobSpec, JobEngine> engines, JobRunnerOptions options)
    {
        (_store, _journalPath, _engines, _options) = (store, journalPath, engines, options);
        using (new TranslationJournal(journalPath))
        {
            // opened once here, so a journal that cannot be used stops the service at start, not each job
        }
        store.Requeue();
        _workers = [.. Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(i => new Thread(Work) { IsBackground = true, Name = $"tarjama-jobs-{i}" })];
        foreach (var worker in _workers)
        {
            worker.Start();
        }
        var period = TimeSpan.FromTicks(Math.Clamp(options.Retention.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _sweeper = new Timer(_ => RemoveExpired(), null, TimeSpan.Zero, period);
    }

    /// <summary>Raised when a job ends (done, failed or cancelled), on the thread that ended it; a handler must not throw.</summary>
    public event Action<JobInfo>? Finished;

    /// <summary>Model inputs the engines translated for jobs since this runner started, by backend.</summary>
    public IReadOnlyDictionary<string, long> TranslatedByBackend => _translated;

    public Dictionary<JobState, long> CountByState() => _store.CountByState();

    /// <exception cref="TooManyJobsException">As many jobs as allowed are queued or running.</exception>
    public JobInfo Submit(JobSpec spec, ReadOnlySpan<byte> input)
    {
        var counts = _store.CountByState();
        if (counts[JobState.Queued] + counts[JobState.Running] >= _options.MaxUnfinished)
        {
            throw new TooManyJobsException(_options.MaxUnfinished);
        }
        var job = _store.Add(spec, input);
        _wake.Release();
        return Info(job);
    }

    /// <summary>The owner's job; null for an unknown id or another owner's job, alike.</summary>
    public JobInfo? Find(string id, string owner) => _store.Get(id) is { } job && job.Spec.Owner == owner ? Info(job) : null;

    /// <summary>The owner's jobs, newest first, a page at a time (<paramref name="count"/> after skipping
    /// <paramref name="skip"/>), and how many the owner has in all.</summary>
    public (IReadOnlyList<JobInfo> Jobs, long Total) List(string owner, int skip, int count) =>
        ([.. _store.OwnedBy(owner, skip, count).Select(Info)], _store.CountOwnedBy(owner));

    /// <summary>Stops a queued or running job; the job as it is afterwards (a finished one is left as it was).</summary>
    public JobInfo Cancel(JobInfo job)
    {
        bool cancelled = _store.Finish(job.Id, JobState.Cancelled);
        if (cancelled && _live.TryGetValue(job.Id, out var live))
        {
            live.Cancel.Cancel();
        }
        _store.DropInput(job.Id);
        if (cancelled)
        {
            Announce(job.Id);
        }
        return Info(_store.Get(job.Id)!);
    }

    /// <summary>The finished job's translated file; null unless the job is done.</summary>
    public string? ResultPath(JobInfo job) => job.State == JobState.Done ? _store.ResultPath(job.Id) : null;

    /// <summary>Forgets a job and its files (stopping it first if it runs).</summary>
    public void Delete(JobInfo job)
    {
        Cancel(job);
        _store.Delete(job.Id);
    }

    private JobInfo Info(StoredJob job)
    {
        if (_live.TryGetValue(job.Id, out var live) && job.State == JobState.Running)
        {
            long translated = Interlocked.Read(ref live.Translated), total = Interlocked.Read(ref live.Total);
            long done = Math.Min(total, live.Resumed + translated);
            TimeSpan? remaining = translated > 0 ? Stopwatch.GetElapsedTime(live.Started) * ((double)(total - done) / translated) : null;
            return new JobInfo(job.Id, job.Spec, job.State, done, total, live.Resumed, null, job.Created, null, remaining);
        }
        long finished = job.State == JobState.Done ? job.Total : 0;
        return new JobInfo(job.Id, job.Spec, job.State, finished, job.Total, job.Resumed, job.Error, job.Created, job.Finished, null);
    }

    private void Work()
    {
        string? stranded = null; // a job whose outcome the store could not take: running there, and nobody runs it
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (stranded is not null)
                {
                    _store.Requeue(stranded); // runs again, its finished segments from the journal
                    stranded = null;
                }
                if (_store.ClaimNext() is { } job)
                {
                    stranded = job.Id;
                    Run(job);
                    stranded = null;
                    continue;
                }
                _wake.Wait(Idle, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                _stopping.Token.WaitHandle.WaitOne(Idle); // the store busy or its disk full: try again shortly
            }
        }
    }

    private void Run(StoredJob job)
    {
        using var live = new LiveJob(CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
        _live[job.Id] = live;
        string result = _store.ResultPath(job.Id);
        string? partial = null;
        try
        {
            var engine = _engines(job.Spec);
            var (source, target) = (engine.Translator.SourceLanguage, engine.Translator.TargetLanguage);
            var collector = new SegmentCollector(source, target);
            JobDocument.Render(job.Spec, engine.Document, _store.InputPath(job.Id), collector, Stream.Null, live.Cancel.Token);
            var inputs = collector.Segments;
            using var journal = new TranslationJournal(_journalPath);
            live.Resumed = journal.Find(inputs.Select(input => SegmentKey.Of(engine.Fingerprint, input)).Distinct(StringComparer.Ordinal)).Count;
            _store.SetCounts(job.Id, inputs.Count, live.Resumed);
            Interlocked.Exchange(ref live.Total, inputs.Count);
            live.Started = Stopwatch.GetTimestamp();
            var counted = new CountedEngine(engine.Translator, count =>
            {
                Interlocked.Add(ref live.Translated, count);
                _translated.AddOrUpdate(engine.Backend, count, (_, old) => old + count);
            });
            var outputs = new JournaledTranslator(counted, journal, engine.Fingerprint, engine.ChunkSegments).Translate(inputs, live.Cancel.Token);
            var known = new KnownTranslations(source, target, inputs.Zip(outputs).ToDictionary(StringComparer.Ordinal));
            using (var file = TemporaryFiles.Create(result, out partial))
            {
                JobDocument.Render(job.Spec, engine.Document, _store.InputPath(job.Id), known, file, live.Cancel.Token);
            }
            File.Move(partial, result, overwrite: true);
            if (_store.Finish(job.Id, JobState.Done))
            {
                _store.DropInput(job.Id);
                Announce(job.Id);
            }
            else
            {
                File.Delete(result); // cancelled while its result was being written
            }
        }
        catch (OperationCanceledException) when (live.Cancel.IsCancellationRequested)
        {
            // cancelled by its owner (marked so already), or the service is stopping: then it runs again at the next start
        }
        catch (TarjamaException e)
        {
            Fail(job.Id, e.Message);
        }
        catch (Exception e)
        {
            // A background thread must not die of one job: it fails, and says why when the reason is the disk.
            Fail(job.Id, e is IOException or UnauthorizedAccessException ? $"cannot write the result ({e.Message})" : "the job could not be translated");
        }
        finally
        {
            _live.TryRemove(job.Id, out _);
            if (partial is not null)
            {
                File.Delete(partial);
            }
        }
    }

    private void Fail(string id, string reason)
    {
        bool failed = _store.Finish(id, JobState.Failed, reason);
        _store.DropInput(id);
        if (failed)
        {
            Announce(id);
        }
    }

    private void Announce(string id)
    {
        if (Finished is { } finished && _store.Get(id) is { } job)
        {
            finished(Info(job));
        }
    }

    private void RemoveExpired()
    {
        try
        {
            foreach (var job in _store.FinishedBefore(DateTimeOffset.UtcNow - _options.Retention))
            {
                _store.Delete(job.Id);
            }
        }
        catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            // a file in use, or the store busy: the next sweep removes it
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        _stopping.Cancel();
        foreach (var worker in _workers)
        {
            worker.Join(TimeSpan.FromSeconds(30));
        }
        _wake.Dispose();
    }

    /// <summary>A job being translated: how to stop it and how far it has got in this run.</summary>
    private sealed class LiveJob(CancellationTokenSource cancel) : IDisposable
    {
        public long Total;
        public long Translated;

        public CancellationTokenSource Cancel { get; } = cancel;

        public long Resumed { get; set; }

        public long Started { get; set; } = Stopwatch.GetTimestamp();

        public void Dispose() => Cancel.Dispose();
    }

    /// <summary>The engine as a job uses it: each call counted, and a full queue waited out rather than failing the
    /// job, since a background job has time and interactive requests come first.</summary>
    private sealed class CountedEngine(ISegmentTranslator engine, Action<long> translated) : ISegmentTranslator
    {
        public string SourceLanguage => engine.SourceLanguage;

        public string TargetLanguage => engine.TargetLanguage;

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
        {
            while (true)
            {
                try
                {
                    var outputs = engine.Translate(segments, cancellationToken);
                    translated(segments.Count);
                    return outputs;
                }
                catch (TranslationQueueFullException)
                {
                    cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
    }
}
