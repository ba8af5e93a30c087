using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Tarjama.Decoding;
using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Translation;

namespace Tarjama.Tests.Jobs;

/// <summary>A 300-segment document through a real redis-server and two real worker processes (the tiny reference
/// model), one killed with SIGKILL mid-job: the job completes with what one machine writes.</summary>
public sealed class RedisWorkersTests : IDisposable
{
    private static readonly TranslatorOptions Options = new() { Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 24 } };
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes.Where(process => !process.HasExited))
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    [Fact]
    public async Task Two_workers_one_killed_mid_job_finish_it_as_one_machine_would()
    {
        int port = FreePort();
        Start("redis-server", "--port", port.ToString(), "--save", "", "--appendonly", "no");
        using var redis = Connect(port);
        var db = redis.GetDatabase();
        var document = Document();
        var fingerprint = SegmentKey.Fingerprint(Path.GetFullPath(Fixtures.ReferenceModel), Options);
        var job = TranslationJob.Extract(document, DocumentFormat.Text, "ar", "en", fingerprint);
        Assert.Equal(300, job.Segments);

        var doomed = StartWorker(port);
        StartWorker(port);
        var submitted = Task.Run(() => new RedisJobSubmitter(db, fingerprint, batchSegments: 5).Translate(job, TimeSpan.FromMinutes(2)));
        var stream = RedisQueueKeys.Stream(fingerprint);
        var deadline = Stopwatch.StartNew();
        while (!HoldsABatch(db, stream, doomed) && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(10);
        }
        Assert.True(HoldsABatch(db, stream, doomed), "the first worker never took a batch");
        doomed.Kill(); // SIGKILL, its batch unacknowledged
        var translated = await submitted;

        using var engine = Translator.Load(Fixtures.ReferenceModel, Options);
        Assert.Equal(new DocumentTranslator(engine).Translate(document, DocumentFormat.Text), translated);
        Assert.Equal(job.Inputs.Count, job.Inputs.Keys.Count(key => db.KeyExists(RedisQueueKeys.Result(key))));
        Assert.Equal(0, db.StreamPending(stream, RedisQueueKeys.Group).PendingMessageCount);
    }

    [Fact]
    public void A_worker_without_a_reachable_Redis_or_with_a_bad_URL_stops_with_one_line()
    {
        foreach (var (queue, error) in new[] { ($"redis://127.0.0.1:{FreePort()}", "cannot reach Redis"), ("http://127.0.0.1:6379", "not a Redis URL") })
        {
            var result = Cli.CliRunner.Run([], "worker", "--queue", queue, "-m", Fixtures.ReferenceModel);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(error, result.Stderr);
            Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        }
    }

    /// <summary>300 one-sentence lines, each a different run of the sample's words.</summary>
    private static string Document()
    {
        var words = string.Join(' ', Fixtures.DocumentLines("ntrex128-sample.ar.txt")).Split(' ')
            .Select(word => new string([.. word.Where(char.IsLetter)])).Where(word => word.Length > 0).ToList();
        return string.Join("\n", Enumerable.Range(0, 300).Select(i => string.Join(' ', Enumerable.Range(i, 6).Select(w => words[w % words.Count])) + ".")) + "\n";
    }

    private static bool HoldsABatch(IDatabase db, RedisKey stream, Process worker)
    {
        try
        {
            return db.StreamPendingMessages(stream, RedisQueueKeys.Group, 10, $"{Environment.MachineName}-{worker.Id}").Length > 0;
        }
        catch (RedisServerException)
        {
            return false; // no group yet
        }
    }

    private Process StartWorker(int port) => Start("dotnet", Path.Combine(AppContext.BaseDirectory, "Tarjama.Cli.dll"), "worker", "--queue", $"redis://127.0.0.1:{port}",
        "-m", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "24", "--threads", "1", "--claim-idle-ms", "1000");

    private Process Start(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = false, RedirectStandardError = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }

    private static ConnectionMultiplexer Connect(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return ConnectionMultiplexer.Connect($"127.0.0.1:{port}");
            }
            catch (RedisConnectionException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
