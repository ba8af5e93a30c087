using StackExchange.Redis;
using Tarjama.Jobs;
using Tarjama.Translation;

namespace Tarjama.Tests.Jobs;

/// <summary>The queue's figures read back from a real redis-server while a job goes through a worker in this process
/// (the tiny reference model), one batch taken over from a consumer that died holding it; and every key the job left
/// has a time to live.</summary>
[Collection(nameof(RedisFleet))]
public sealed class RedisQueueStatsTests : IDisposable
{
    private readonly RedisFleet _fleet = new();

    public void Dispose() => _fleet.Dispose();

    [Fact]
    public async Task Depth_pending_reclaimed_and_worker_counts_are_read_and_rendered_and_every_key_expires()
    {
        _fleet.StartRedis();
        using var redis = _fleet.Connect();
        var db = redis.GetDatabase();
        var job = _fleet.Job(RedisFleet.Document(20));
        Assert.Equal(20, job.Inputs.Count);
        db.StreamCreateConsumerGroup(_fleet.Stream, RedisQueueKeys.Group, "0-0", createStream: true);
        var submitted = Task.Run(() => new RedisJobSubmitter(db, _fleet.Fingerprint, batchSegments: 5, ttl: TimeSpan.FromHours(1)).Translate(job, TimeSpan.FromMinutes(2)));
        Assert.True(RedisFleet.Eventually(() => db.StreamLength(_fleet.Stream) == 4, TimeSpan.FromMinutes(1)), "the job did not make 4 batches");
        var queued = await RedisQueueStats.ReadAsync(db, _fleet.Fingerprint, "tiny");
        Assert.Equal((RedisQueueKeys.Queue(_fleet.Fingerprint), 4L, 0L, 0L, 0), (queued.Queue, queued.Depth, queued.Pending, queued.Reclaimed, queued.Workers.Count));

        db.StreamReadGroup(_fleet.Stream, RedisQueueKeys.Group, "dead", ">", 1); // a worker that dies holding a batch
        var held = await RedisQueueStats.ReadAsync(db, _fleet.Fingerprint);
        Assert.Equal((4L, 1L), (held.Depth, held.Pending));
        Thread.Sleep(50);
        using var engine = Translator.Load(Fixtures.ReferenceModel, RedisFleet.Options);
        var worker = new RedisSegmentWorker(db, engine, _fleet.Fingerprint, "alive", TimeSpan.FromMilliseconds(20), ttl: TimeSpan.FromHours(2));
        while (worker.TakeOne())
        {
        }
        await submitted;

        var stats = await RedisQueueStats.ReadAsync(db, _fleet.Fingerprint, "tiny");
        Assert.Equal((0L, 0L, 1L), (stats.Depth, stats.Pending, stats.Reclaimed));
        var alive = Assert.Single(stats.Workers);
        Assert.Equal(("alive", 4L, 20L, 1L), (alive.Worker, alive.Batches, alive.Segments, alive.Reclaimed));
        Assert.InRange(alive.EngineSeconds, 1e-6, 60);
        Assert.InRange(alive.LastBatch, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var text = RedisQueueStats.ToPrometheus([stats]);
        string labels = $"queue=\"{stats.Queue}\",model=\"tiny\"";
        Assert.Contains("# TYPE tarjama_redis_queue_batches gauge\n", text);
        Assert.Contains($"tarjama_redis_queue_batches{{{labels}}} 0\n", text);
        Assert.Contains($"tarjama_redis_queue_reclaimed_batches_total{{{labels}}} 1\n", text);
        Assert.Contains($"tarjama_redis_worker_batches_total{{{labels},worker=\"alive\"}} 4\n", text);
        Assert.Contains($"tarjama_redis_worker_segments_total{{{labels},worker=\"alive\"}} 20\n", text);
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.Matches(@"^(# (HELP|TYPE) tarjama_\w+ .+|tarjama_\w+\{[^}]*\} [0-9.eE+-]+)$", line));

        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: "*").ToList();
        Assert.Equal(job.Inputs.Count + 4, keys.Count); // results, the stream, the takeover count, the workers, alive's counts: nothing else
        Assert.All(keys, key => Assert.InRange(db.KeyTimeToLive(key) ?? TimeSpan.Zero, TimeSpan.FromHours(1.9), TimeSpan.FromHours(2)));
    }
}
