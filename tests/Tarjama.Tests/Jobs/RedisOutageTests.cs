using StackExchange.Redis;
using Tarjama.Jobs;

namespace Tarjama.Tests.Jobs;

/// <summary>Redis going away under real worker processes: restarted mid-job with its append-only file, nothing is lost
/// and the output is what one machine writes; down when a worker starts, it is waited for; gone for good, the worker
/// stops with one line after its bound.</summary>
[Collection(nameof(RedisFleet))]
public sealed class RedisOutageTests : IDisposable
{
    private readonly RedisFleet _fleet = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-redis-").FullName;

    public void Dispose()
    {
        _fleet.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Redis_killed_and_restarted_mid_job_with_its_append_only_file_loses_nothing()
    {
        string[] durable = ["--appendonly", "yes", "--dir", _folder];
        _fleet.StartRedis(durable);
        using var redis = _fleet.Connect();
        var db = redis.GetDatabase();
        var document = RedisFleet.Document(1000); // seconds of work, so the kill lands mid-job on a fast machine too
        var job = _fleet.Job(document);
        _fleet.StartWorker("--redis-wait-s", "60");
        _fleet.StartWorker("--redis-wait-s", "60");
        var submitted = Task.Run(() => new RedisJobSubmitter(db, _fleet.Fingerprint, batchSegments: 5).Translate(job, TimeSpan.FromMinutes(3)));
        var results = job.Inputs.Keys.Select(key => RedisQueueKeys.Result(key)).ToArray();
        string[] Stored() => [.. results.Zip(db.StringGet(results)).Where(pair => !pair.Second.IsNull).Select(pair => pair.First.ToString())];
        Assert.True(RedisFleet.Eventually(() => Stored().Length >= 60, TimeSpan.FromMinutes(2)), "the workers stored fewer than 60 results");

        var beforeKill = Stored();
        _fleet.KillRedis();
        Assert.InRange(beforeKill.Length, 60, job.Inputs.Count - 1);
        _fleet.StartRedis(durable);
        using (var restarted = _fleet.Connect())
        {
            var fresh = restarted.GetDatabase();
            Assert.All(beforeKill, key => Assert.True(fresh.KeyExists(key), $"{key} was lost"));
        }
        var translated = await submitted;

        Assert.Equal(RedisFleet.SingleMachine(document), translated);
        Assert.Equal(0, db.StreamPending(_fleet.Stream, RedisQueueKeys.Group).PendingMessageCount);
        Assert.Equal(0, db.StreamLength(_fleet.Stream));
    }

    [Fact]
    public async Task A_worker_waits_for_a_Redis_that_is_down_at_start_and_stops_with_one_line_when_it_never_comes_back()
    {
        var worker = _fleet.StartWorker("--redis-wait-s", "4");
        Assert.True(RedisFleet.Eventually(() => worker.Stderr.Contains("retrying with backoff", StringComparison.Ordinal), TimeSpan.FromSeconds(30)), worker.Stderr);
        _fleet.StartRedis();
        using var redis = _fleet.Connect();
        var document = RedisFleet.Document(40);
        var translated = await Task.Run(() => new RedisJobSubmitter(redis.GetDatabase(), _fleet.Fingerprint, batchSegments: 5).Translate(_fleet.Job(document), TimeSpan.FromMinutes(2)));
        Assert.Equal(RedisFleet.SingleMachine(document), translated);

        _fleet.KillRedis();
        Assert.True(worker.Process.WaitForExit(TimeSpan.FromSeconds(60)), "the worker kept waiting past its bound");
        worker.Process.WaitForExit();
        Assert.True(worker.Process.ExitCode == 2, $"exit code {worker.Process.ExitCode}: {worker.Stderr}");
        var lines = worker.Stderr.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.StartsWith("tarjama", line)); // no stack trace
        Assert.Equal(2, lines.Count(line => line.Contains($"Redis at 127.0.0.1:{_fleet.Port} unavailable (", StringComparison.Ordinal) && line.EndsWith("retrying with backoff for up to 4 s", StringComparison.Ordinal)));
        Assert.Single(lines, line => line.Contains("Redis is back after", StringComparison.Ordinal));
        Assert.StartsWith($"tarjama: error: Redis at 127.0.0.1:{_fleet.Port} unavailable for 4 s (", lines[^1]);
    }
}
