using System.Globalization;
using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>One worker's counts from Redis: batches finished, inputs it translated, time its engine took, batches it
/// took over from others, and when it last finished a batch.</summary>
public sealed record RedisWorkerStats(string Worker, long Batches, long Segments, double EngineSeconds, long Reclaimed, DateTimeOffset LastBatch);

/// <summary>A model's queue as Redis holds it: <paramref name="Depth"/> batches not finished (XLEN: finished ones are
/// deleted), of them <paramref name="Pending"/> delivered to a worker and not acknowledged (XPENDING),
/// <paramref name="Reclaimed"/> takeovers (XAUTOCLAIM) so far, and each worker's counts (<see cref="RedisWorkerCounters"/>).
/// <paramref name="Model"/> is the caller's name for the model, for labels.</summary>
public sealed record RedisQueueStats(string Queue, string? Model, long Depth, long Pending, long Reclaimed, IReadOnlyList<RedisWorkerStats> Workers)
{
    public static async Task<RedisQueueStats> ReadAsync(IDatabase redis, string fingerprint, string? model = null)
    {
        var stream = RedisQueueKeys.Stream(fingerprint);
        long depth = await redis.StreamLengthAsync(stream);
        long pending = depth == 0 ? 0 : await PendingAsync(redis, stream);
        long reclaimed = (long?)await redis.StringGetAsync(RedisQueueKeys.Reclaimed(fingerprint)) ?? 0;
        var workers = new List<RedisWorkerStats>();
        foreach (var worker in await redis.SortedSetRangeByRankWithScoresAsync(RedisQueueKeys.Workers(fingerprint)))
        {
            var counts = (await redis.HashGetAllAsync(RedisQueueKeys.WorkerCounters(fingerprint, worker.Element!))).ToDictionary(
                entry => entry.Name.ToString(), entry => entry.Value, StringComparer.Ordinal);
            if (counts.Count == 0)
            {
                continue; // its counters expired
            }
            workers.Add(new RedisWorkerStats(worker.Element!, Count(counts, RedisWorkerCounters.Batches), Count(counts, RedisWorkerCounters.Segments),
                counts.TryGetValue(RedisWorkerCounters.EngineSeconds, out var seconds) ? (double)seconds : 0,
                Count(counts, RedisWorkerCounters.Reclaimed), DateTimeOffset.FromUnixTimeSeconds((long)worker.Score)));
        }
        return new RedisQueueStats(RedisQueueKeys.Queue(fingerprint), model, depth, pending, reclaimed, workers);
    }

    /// <summary>The queues' figures as Prometheus text exposition lines (each family's HELP and TYPE once).</summary>
    public static string ToPrometheus(IEnumerable<RedisQueueStats> queues)
    {
        var all = queues.ToList();
        var text = new System.Text.StringBuilder();
        void Family(string name, string type, string help, IEnumerable<(string Labels, double Value)> samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
            foreach (var (labels, value) in samples)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {value}\n");
            }
        }
        Family("tarjama_redis_queue_batches", "gauge", "Batches in the model's Redis stream not finished yet (waiting or being translated).",
            all.Select(queue => (Labels(queue), (double)queue.Depth)));
        Family("tarjama_redis_queue_pending_batches", "gauge", "Batches delivered to a worker and not acknowledged yet.",
            all.Select(queue => (Labels(queue), (double)queue.Pending)));
        Family("tarjama_redis_queue_reclaimed_batches_total", "counter", "Batches a worker took over from another that held them too long.",
            all.Select(queue => (Labels(queue), (double)queue.Reclaimed)));
        var workers = all.SelectMany(queue => queue.Workers.Select(worker => (Labels: $"{Labels(queue)},worker=\"{Escape(worker.Worker)}\"", worker))).ToList();
        Family("tarjama_redis_worker_batches_total", "counter", "Batches a worker finished.", workers.Select(w => (w.Labels, (double)w.worker.Batches)));
        Family("tarjama_redis_worker_segments_total", "counter", "Inputs a worker translated (results already stored are not counted).",
            workers.Select(w => (w.Labels, (double)w.worker.Segments)));
        Family("tarjama_redis_worker_engine_seconds_total", "counter", "Time a worker's engine spent translating.",
            workers.Select(w => (w.Labels, w.worker.EngineSeconds)));
        Family("tarjama_redis_worker_last_batch_timestamp_seconds", "gauge", "When a worker last finished a batch (Unix time).",
            workers.Select(w => (w.Labels, (double)w.worker.LastBatch.ToUnixTimeSeconds())));
        return text.ToString();
    }

    private static async Task<long> PendingAsync(IDatabase redis, RedisKey stream)
    {
        try
        {
            return (await redis.StreamPendingAsync(stream, RedisQueueKeys.Group)).PendingMessageCount;
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            return 0; // batches submitted before any worker made the group
        }
    }

    private static long Count(Dictionary<string, RedisValue> counts, string field) => counts.TryGetValue(field, out var value) ? (long)value : 0;

    private static string Labels(RedisQueueStats queue) =>
        queue.Model is null ? $"queue=\"{queue.Queue}\"" : $"queue=\"{queue.Queue}\",model=\"{Escape(queue.Model)}\"";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
