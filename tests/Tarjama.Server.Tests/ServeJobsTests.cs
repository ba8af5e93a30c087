using Microsoft.Data.Sqlite;
using Tarjama.Decoding;
using Tarjama.Documents;
using Tarjama.Testing;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>Jobs through the real <c>tarjama serve</c> on the tiny reference model: killed with SIGKILL mid-job and
/// started again on the same jobs folder, it finishes the job as one uninterrupted run would, without translating a
/// journaled segment again; with <c>--queue</c>, a real redis-server and a real worker translate it.</summary>
public sealed class ServeJobsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-serve-jobs-").FullName;

    private static readonly TranslatorOptions Options = new() { Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 24 } };
    private static readonly string[] Decoding = ["-m", TestModels.Tiny, "--beams", "1", "--max-new-tokens", "24", "--threads", "1", "--batch-size", "2"];

    [Fact]
    public async Task A_serve_killed_mid_job_and_started_again_finishes_it_as_one_run_would()
    {
        string jobs = Path.Combine(_folder, "jobs"), document = Document(240);
        string id;
        using (var first = await CliServer.Start([.. Decoding, "--jobs-dir", jobs]))
        {
            id = await first.Submit(document, "archive.txt");
            // Two chunks counted means the first is committed to the journal.
            var running = await first.WaitFor(id, status => Done(status) >= 16);
            Assert.Equal("running", running.GetProperty("status").GetString());
            first.Kill();
        }
        long journaled = JournalCount(jobs);
        using var second = await CliServer.Start([.. Decoding, "--jobs-dir", jobs]);
        var finished = await second.WaitFor(id, status => status.GetProperty("status").GetString() is not ("queued" or "running"));
        Assert.Equal("done", finished.GetProperty("status").GetString());
        long total = finished.GetProperty("progress").GetProperty("total").GetInt64();
        // A chunk (8 segments at --batch-size 2) is counted when the engine returns it and journaled just after: killed
        // in between, the journal holds one chunk fewer than was counted.
        Assert.InRange(journaled, 8, total - 1);
        Assert.Equal(journaled, finished.GetProperty("progress").GetProperty("resumed").GetInt64());

        Assert.Equal(Direct(document), await second.Client.GetStringAsync($"/jobs/{id}/result"));
        // Only what the journal did not hold went to the engine after the restart.
        Assert.Equal(total - journaled, await second.Metric("tarjama_job_segments_total{backend=\"embedded\"}"));
        Assert.Equal(total, JournalCount(jobs));
    }

    [Fact]
    public async Task With_a_queue_a_worker_translates_the_job_and_the_server_merges_it()
    {
        using var redis = new LocalRedis();
        using var worker = CliServer.Cli(["worker", "--queue", redis.Url, .. Decoding, "--claim-idle-ms", "1000"]);
        try
        {
            string document = Document(60);
            using var serve = await CliServer.Start([.. Decoding, "--jobs-dir", Path.Combine(_folder, "jobs"), "--queue", redis.Url]);
            string id = await serve.Submit(document, "wire.txt");
            var finished = await serve.WaitFor(id, status => status.GetProperty("status").GetString() is not ("queued" or "running"));
            Assert.Equal("done", finished.GetProperty("status").GetString());
            Assert.Equal(Direct(document), await serve.Client.GetStringAsync($"/jobs/{id}/result"));
            long total = finished.GetProperty("progress").GetProperty("total").GetInt64();
            Assert.Equal(total, await serve.Metric("tarjama_job_segments_total{backend=\"redis\"}"));
            Assert.Equal(0, await serve.Metric("tarjama_job_segments_total{backend=\"embedded\"}"));
            var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
            Assert.Equal(total, server.Keys(pattern: "tarjama:result:*").LongCount());
            // The queue's own figures, from Redis: nothing left in the stream, the worker's segments counted.
            var queue = (await serve.Client.GetStringAsync("/metrics")).Split('\n').Where(line => line.StartsWith("tarjama_redis_", StringComparison.Ordinal)).ToList();
            Assert.Contains(queue, line => line.StartsWith("tarjama_redis_queue_batches{", StringComparison.Ordinal) && line.EndsWith(" 0", StringComparison.Ordinal));
            Assert.Equal(total, queue.Where(line => line.StartsWith("tarjama_redis_worker_segments_total{", StringComparison.Ordinal))
                .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            worker.Kill();
            worker.WaitForExit();
        }
    }

    [Fact]
    public async Task Serve_with_a_Redis_that_is_down_or_a_jobs_folder_in_use_stops_with_one_line()
    {
        var down = await CliServer.Run(["serve", "--port", "0", .. Decoding, "--queue", $"redis://127.0.0.1:{LoopbackPort.Unused()}"]);
        Assert.Equal(2, down.ExitCode);
        Assert.Contains("cannot reach Redis", down.Stderr);
        Assert.Single(down.Stderr.TrimEnd('\n').Split('\n'));

        string jobs = Path.Combine(_folder, "jobs");
        using var first = await CliServer.Start([.. Decoding, "--jobs-dir", jobs]);
        var second = await CliServer.Run(["serve", "--port", "0", .. Decoding, "--jobs-dir", jobs]);
        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"tarjama: error: {jobs}: the jobs folder is in use by another process (give each service its own jobs folder)\n", second.Stderr);
    }

    private static long Done(System.Text.Json.JsonElement status) => status.GetProperty("progress").GetProperty("done").GetInt64();

    /// <summary>One engine, one uninterrupted run: what the job must equal.</summary>
    private static string Direct(string document)
    {
        using var engine = Translator.Load(TestModels.Tiny, Options);
        return new DocumentTranslator(engine).Translate(document, DocumentFormat.Text);
    }

    /// <summary><paramref name="lines"/> distinct short lines of news words.</summary>
    private static string Document(int lines)
    {
        string[] words = ["خبر", "عاجل", "اليوم", "مدينة", "رئيس", "حكومة", "سوق", "نفط", "وزير", "دمشق", "موسكو", "زيارة"];
        return string.Join("\n", Enumerable.Range(0, lines).Select(i => $"{words[i % 12]} {words[i / 12 % 12]} {words[i / 144 % 12]} الجديد.")) + "\n";
    }

    private static long JournalCount(string jobs)
    {
        using var journal = new SqliteConnection($"Data Source={Path.Combine(jobs, "segments.sqlite")};Mode=ReadOnly;Pooling=False");
        journal.Open();
        using var command = journal.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM translations";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
