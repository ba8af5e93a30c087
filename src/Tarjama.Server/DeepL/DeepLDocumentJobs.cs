using System.Collections.Concurrent;
using System.Security.Cryptography;
using Tarjama.Translation;

namespace Tarjama.Server.DeepL;

/// <summary>Documents uploaded through DeepL's /v2/document, each translated in the background into a private
/// temporary folder, visible only to the caller that uploaded it with its document key, and gone once downloaded or
/// after the retention time. Held in memory: a restarted server forgets them.</summary>
internal sealed class DeepLDocumentJobs(ServerSettings settings) : IDisposable
{
    /// <summary>Most documents held at once (waiting, translating or ready), so uploads cannot fill memory and disk.</summary>
    public const int MaxJobs = 64;

    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-deepl-").FullName;
    private readonly ConcurrentDictionary<string, DeepLDocumentJob> _jobs = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts translating <paramref name="content"/>; returns the job at once.</summary>
    public DeepLDocumentJob Start(string caller, byte[] content, string fileName, ISegmentTranslator translator, long characters, Documents.DocumentTranslationOptions options)
    {
        RemoveExpired();
        if (_jobs.Count >= MaxJobs)
        {
            throw new ApiError(StatusCodes.Status429TooManyRequests, $"Too many documents in progress (at most {MaxJobs}): download or wait for some first.");
        }
        var job = new DeepLDocumentJob(Token(16), Token(32), caller, fileName, Path.Combine(_folder, Guid.NewGuid().ToString("N")), characters);
        _jobs[job.Id] = job;
        _ = Task.Run(() => job.Run(translator, content, options, _stopping.Token));
        return job;
    }

    /// <summary>The caller's job with that id and key; 404 for anything else, so one caller cannot probe another's.</summary>
    public DeepLDocumentJob Find(string id, string? key, string caller) =>
        _jobs.TryGetValue(id, out var job) && job.Caller == caller && key is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(job.Key), System.Text.Encoding.ASCII.GetBytes(key))
            ? job
            : throw new ApiError(StatusCodes.Status404NotFound, "Document not found.");

    /// <summary>Forgets a job once its result has been handed out.</summary>
    public void Remove(DeepLDocumentJob job)
    {
        if (_jobs.TryRemove(job.Id, out _))
        {
            job.Delete();
        }
    }

    private void RemoveExpired()
    {
        foreach (var job in _jobs.Values.Where(job => DateTime.UtcNow - job.Created > settings.FileRetention))
        {
            Remove(job);
        }
    }

    private static string Token(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
