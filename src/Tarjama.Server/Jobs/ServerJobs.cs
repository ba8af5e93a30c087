using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;
using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Terminology;

namespace Tarjama.Server.Jobs;

/// <summary>The server's background jobs: a <see cref="JobRunner"/> over a job store and segment journal in the jobs
/// folder, whose segments go to the server's own models, or (with a queue) to the workers behind a Redis.</summary>
internal sealed class ServerJobs : IDisposable
{
    /// <summary>Longest the workers may take over one chunk of a job before it fails (no worker running?).</summary>
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(30);

    private const int QueueChunkSegments = 256;
    private const int QueueBatchSegments = 16;

    private readonly LanguagePairs _pairs;
    private readonly ServerMemory _memory;
    private readonly IReadOnlyList<JobModel> _models;
    private readonly int _chunkSegments;
    private readonly string? _temporary;
    private readonly ConnectionMultiplexer? _redis;
    private readonly JobStore _store;

    public ServerJobs(ServerSettings settings, LanguagePairs pairs)
    {
        var jobs = settings.Jobs;
        jobs.Validate(pairs.All.Count);
        _pairs = pairs;
        _memory = settings.Memory;
        _models = jobs.Models.Count > 0
            ? jobs.Models
            : [.. pairs.All.Select((t, i) => new JobModel($"model{i + 1}", $"model{i + 1}:{t.SourceLanguage}-{t.TargetLanguage}:{Guid.NewGuid():N}"))];
        _chunkSegments = settings.Batching.MaxBatchSize * 4;
        _temporary = jobs.Folder is null ? Directory.CreateTempSubdirectory("tarjama-jobs-").FullName : null;
        string folder = jobs.Folder ?? _temporary!;
        try
        {
            _redis = jobs.QueueUrl is { } url ? RedisQueueKeys.Connect(url) : null;
            _store = new JobStore(folder);
            Runner = new JobRunner(_store, Path.Combine(_store.Folder, "segments.sqlite"), Engine, new JobRunnerOptions { Retention = jobs.Retention, MaxUnfinished = jobs.MaxUnfinished, Concurrency = jobs.Concurrency });
        }
        catch
        {
            _store?.Dispose();
            _redis?.Dispose();
            DeleteTemporary();
            throw;
        }
    }

    public JobRunner Runner { get; }

    /// <summary>The direction a job asks for, on the model it names (by its name as served, or its folder's name) or on
    /// whichever model serves the pair.</summary>
    public LanguageRoute Route(string? model, string source, string target, string asked)
    {
        if (model is null)
        {
            return _pairs.Resolve(source, target, asked);
        }
        int index = _models.ToList().FindIndex(m => m.Name == model || Path.GetFileName(m.Name.TrimEnd('/', '\\')) == model);
        if (index < 0)
        {
            throw ApiError.BadRequest($"model {model} is not served here (models: {string.Join(", ", _models.Select(m => m.Name))})");
        }
        var route = _pairs.Resolve(source, target, asked);
        return route.Queue == _pairs.All[index]
            ? route
            : throw ApiError.BadRequest($"model {model} does not translate {source} to {target}");
    }

    /// <summary>Submits a job, or refuses it (429) while as many as allowed are unfinished.</summary>
    public JobInfo Submit(JobSpec spec, byte[] input)
    {
        try
        {
            return Runner.Submit(spec, input);
        }
        catch (TooManyJobsException e)
        {
            throw new ApiError(StatusCodes.Status429TooManyRequests, e.Message);
        }
    }

    /// <summary>Each model's Redis queue, as the workers left it; none without --queue or while Redis is away (the
    /// metrics page answers without them rather than waiting).</summary>
    public async Task<IReadOnlyList<RedisQueueStats>> QueueStatsAsync()
    {
        if (_redis is null || !_redis.IsConnected)
        {
            return [];
        }
        try
        {
            var database = _redis.GetDatabase();
            return await Task.WhenAll(_models.Select(model => RedisQueueStats.ReadAsync(database, model.Fingerprint, model.Name)));
        }
        catch (Exception e) when (RedisQueueKeys.IsUnavailable(e))
        {
            return [];
        }
    }

    public string ModelName(LanguageRoute route) => _models[IndexOf(route)].Name;

    /// <summary>A glossary's terms as a job keeps them.</summary>
    public static IReadOnlyList<string[]> Terms(TermMatcher? glossary) => glossary is null ? [] : [.. glossary.Glossary.Entries.Select(entry => new[] { entry.Source, entry.Target })];

    /// <summary>The job's segments go to the workers when a queue is given and they can do them (the model's own pair,
    /// no glossary: workers know neither); otherwise to the model here. Either way the server's translation memory,
    /// unless the job turned it off, answers what it holds first.</summary>
    private JobEngine Engine(JobSpec spec)
    {
        int index = _models.ToList().FindIndex(m => m.Name == spec.Model);
        var route = index < 0 ? null : _pairs.Find(spec.SourceLanguage, spec.TargetLanguage);
        if (route is null || route.Queue != _pairs.All[index])
        {
            throw new TarjamaException($"model {spec.Model} for {spec.SourceLanguage}-{spec.TargetLanguage} is no longer served");
        }
        var queue = _pairs.All[index];
        bool ownPair = route.SourceLanguage == queue.SourceLanguage && route.TargetLanguage == queue.TargetLanguage;
        string fingerprint = _models[index].Fingerprint + (ownPair ? "" : $"|{route.SourceLanguage}-{route.TargetLanguage}");
        var document = spec.Memory
            ? new DocumentTranslationOptions { Memories = _memory.For(route.SourceLanguage, route.TargetLanguage), FuzzyThreshold = _memory.FuzzyThreshold }
            : new DocumentTranslationOptions();
        if (spec.Glossary.Count > 0)
        {
            var glossary = new TermMatcher(Glossary.Create(route.SourceLanguage, spec.Glossary.Select(term => new GlossaryEntry(term[0], term[1]))));
            string terms = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(spec.Glossary))));
            return new JobEngine(route.Translator(glossary: glossary), $"{fingerprint}|glossary:{terms}", _chunkSegments, "embedded", document);
        }
        if (_redis is not null && ownPair)
        {
            var submitter = new RedisJobSubmitter(_redis.GetDatabase(), fingerprint, QueueBatchSegments);
            return new JobEngine(new RedisSegmentTranslator(submitter, fingerprint, route.SourceLanguage, route.TargetLanguage, WorkerTimeout), fingerprint, QueueChunkSegments, "redis", document);
        }
        return new JobEngine(route.Translator(), fingerprint, _chunkSegments, "embedded", document);
    }

    private int IndexOf(LanguageRoute route) => _pairs.All.ToList().IndexOf(route.Queue);

    private void DeleteTemporary()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }

    public void Dispose()
    {
        Runner.Dispose();
        _store.Dispose();
        _redis?.Dispose();
        DeleteTemporary();
    }
}
