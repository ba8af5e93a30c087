using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>What each worker counts in Redis, in the transaction that stores a batch's results, so the counts are
/// exactly what was stored: a hash per worker, the queue's workers by last batch, and the queue's takeovers.</summary>
public static class RedisWorkerCounters
{
    public const string Batches = "batches";
    public const string Segments = "segments";
    public const string EngineSeconds = "engine_seconds";
    public const string Reclaimed = "reclaimed";

    /// <summary>Adds one finished batch of <paramref name="segments"/> translated inputs to <paramref name="consumer"/>'s counts.</summary>
    public static void Add(ITransaction transaction, string fingerprint, string consumer, TimeSpan ttl, int segments, double engineSeconds, bool reclaimed)
    {
        var counters = RedisQueueKeys.WorkerCounters(fingerprint, consumer);
        var workers = RedisQueueKeys.Workers(fingerprint);
        _ = transaction.HashIncrementAsync(counters, Batches, 1);
        _ = transaction.HashIncrementAsync(counters, Segments, segments);
        _ = transaction.HashIncrementAsync(counters, EngineSeconds, engineSeconds);
        if (reclaimed)
        {
            _ = transaction.HashIncrementAsync(counters, Reclaimed, 1);
            _ = transaction.StringIncrementAsync(RedisQueueKeys.Reclaimed(fingerprint));
            _ = transaction.KeyExpireAsync(RedisQueueKeys.Reclaimed(fingerprint), ttl);
        }
        _ = transaction.KeyExpireAsync(counters, ttl);
        _ = transaction.SortedSetAddAsync(workers, consumer, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        _ = transaction.KeyExpireAsync(workers, ttl);
    }
}
