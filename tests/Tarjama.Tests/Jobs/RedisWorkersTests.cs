using StackExchange.Redis;
using Tarjama.Jobs;
using Tarjama.Tests.Documents;

namespace Tarjama.Tests.Jobs;

/// <summary>A 300-segment document through a real redis-server and real worker processes (the tiny reference model):
/// one killed with SIGKILL mid-job and another taking over its batch, or one stopped with SIGTERM mid-batch; the job
/// completes with what one machine writes.</summary>
[Collection(nameof(RedisFleet))]
public sealed class RedisWorkersTests : IDisposable
{
    private readonly RedisFleet _fleet = new();

    public void Dispose() => _fleet.Dispose();

    [Fact]
    public async Task Two_workers_one_killed_mid_job_finish_it_as_one_machine_would()
    {
        _fleet.StartRedis();
        using var redis = _fleet.Connect();
        var db = redis.GetDatabase();
        var document = RedisFleet.Document();
        var job = _fleet.Job(document);
        Assert.Equal(300, job.Segments);

        // The second worker starts once the first is killed holding a batch: started together on a busy host, the second
        // could load its model first and do the whole job while the first was still starting.
        var doomed = _fleet.StartWorker();
        var submitted = Task.Run(() => new RedisJobSubmitter(db, _fleet.Fingerprint, batchSegments: 5).Translate(job, TimeSpan.FromMinutes(4)));
        Assert.True(RedisFleet.Eventually(() => _fleet.HoldsABatch(db, doomed), TimeSpan.FromMinutes(2)), "the first worker never took a batch");
        doomed.Process.Kill(); // SIGKILL, its batch unacknowledged
        doomed.Process.WaitForExit();
        _fleet.StartWorker();
        var translated = await submitted;

        Assert.Equal(RedisFleet.SingleMachine(document), translated);
        Assert.Equal(job.Inputs.Count, job.Inputs.Keys.Count(key => db.KeyExists(RedisQueueKeys.Result(key))));
        Assert.Equal(0, db.StreamPending(_fleet.Stream, RedisQueueKeys.Group).PendingMessageCount);
    }

    [Fact]
    public async Task A_worker_sent_SIGTERM_mid_batch_finishes_and_acknowledges_it_then_exits_cleanly()
    {
        _fleet.StartRedis();
        using var redis = _fleet.Connect();
        var db = redis.GetDatabase();
        // One batch of seconds of work: a shorter one can be done between two looks of a busy test host.
        var document = RedisFleet.Document(2000);
        var job = _fleet.Job(document);
        var worker = _fleet.StartWorker();
        var submitted = Task.Run(() => new RedisJobSubmitter(db, _fleet.Fingerprint, batchSegments: 2000).Translate(job, TimeSpan.FromMinutes(4)));
        Assert.True(RedisFleet.Eventually(() => _fleet.HoldsABatch(db, worker), TimeSpan.FromMinutes(2)), "the worker never took the batch");
        worker.Terminate();
        Assert.True(worker.Process.WaitForExit(TimeSpan.FromMinutes(2)), "the worker did not stop");
        worker.Process.WaitForExit();

        Assert.Equal(0, worker.Process.ExitCode);
        Assert.EndsWith($"stopped after 1 batch (0 reclaimed), {job.Inputs.Count} segments translated\n", worker.Stderr);
        Assert.Equal(RedisFleet.SingleMachine(document), await submitted); // the one batch was the whole job
        Assert.Equal(0, db.StreamPending(_fleet.Stream, RedisQueueKeys.Group).PendingMessageCount);
    }

    [Fact]
    public async Task A_worker_with_the_wrong_password_stops_at_once_with_one_line_instead_of_waiting_out_the_outage_limit()
    {
        _fleet.StartRedis();
        _fleet.Connect().Dispose(); // redis-server answers
        using var redis = RedisQueueKeys.Connect($"redis://:not-{_fleet.Password}@127.0.0.1:{_fleet.Port}", waitForRedis: true);
        var worker = new RedisSegmentWorker(redis.GetDatabase(), new LatinizingTranslator(), _fleet.Fingerprint, "w", TimeSpan.FromMinutes(1));
        using var stop = new CancellationTokenSource();
        // Before, the refusal was taken for an outage and retried for the whole limit (300 s by default) before stopping.
        var running = Task.Run(() => worker.Run(stop.Token, outageLimit: TimeSpan.FromHours(1)));
        var finished = await Task.WhenAny(running, Task.Delay(TimeSpan.FromMinutes(1)));
        await stop.CancelAsync();
        Assert.Same(running, finished);
        var error = await Assert.ThrowsAsync<TarjamaException>(() => running);
        Assert.Equal($"Redis at 127.0.0.1:{_fleet.Port} refused this worker's credentials (NOAUTH Authentication required)", error.Message);
    }

    [Fact]
    public async Task Stream_entries_that_are_not_batches_are_dropped_with_a_line_each_and_the_batch_behind_them_is_done()
    {
        _fleet.StartRedis();
        using var redis = _fleet.Connect();
        var db = redis.GetDatabase();
        db.StreamCreateConsumerGroup(_fleet.Stream, RedisQueueKeys.Group, "0-0", createStream: true);
        foreach (var malformed in new[] { "not json", "{\"q\": 1}", "[1, 2]", "[\"مرحبا\", null]", "null" })
        {
            db.StreamAdd(_fleet.Stream, RedisQueueKeys.InputsField, malformed);
        }
        db.StreamAdd(_fleet.Stream, "texts", "[\"مرحبا\"]"); // not the inputs field
        db.StreamAdd(_fleet.Stream, RedisQueueKeys.InputsField, "[\"مرحبا\"]");

        // Before, the first entry's JsonException ended the worker, and every worker that claimed the entry after it.
        var worker = new RedisSegmentWorker(db, new LatinizingTranslator(), _fleet.Fingerprint, "w", TimeSpan.FromMinutes(1));
        var log = new List<string>();
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => worker.Run(stop.Token, log.Add));
        Assert.True(RedisFleet.Eventually(() => running.IsCompleted || db.StreamLength(_fleet.Stream) == 0, TimeSpan.FromSeconds(20)), "the stream was not emptied");
        await stop.CancelAsync();
        await running;

        Assert.Equal((6L, 1L, 1L), (worker.Malformed, worker.Batches, worker.Translated));
        Assert.Equal(LatinizingTranslator.Latinize("مرحبا"), (string?)db.StringGet(RedisQueueKeys.Result(SegmentKey.Of(_fleet.Fingerprint, "مرحبا"))));
        Assert.Equal(0, db.StreamPending(_fleet.Stream, RedisQueueKeys.Group).PendingMessageCount);
        Assert.Equal(6, log.Count(line => line.StartsWith("dropped stream entry ", StringComparison.Ordinal) && line.EndsWith("not a batch (its inputs field must be a JSON array of texts)", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_worker_with_a_bad_URL_or_setting_stops_with_one_line()
    {
        foreach (var (setting, error) in new[]
        {
            (new[] { "--queue", "http://127.0.0.1:6379" }, "not a Redis URL"),
            (["--queue", "redis://127.0.0.1:6379", "--ttl-hours", "0"], "--ttl-hours must be from 1 to 8760 (got 0)"),
            (["--queue", "redis://127.0.0.1:6379", "--redis-wait-s", "86401"], "--redis-wait-s must be from 1 to 86400 (got 86401)"),
        })
        {
            var result = Cli.CliRunner.Run([], ["worker", "-m", Fixtures.ReferenceModel, .. setting]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(error, result.Stderr);
            Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        }
    }
}
