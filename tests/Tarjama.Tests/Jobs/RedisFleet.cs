using System.Diagnostics;
using System.Globalization;
using System.Text;
using StackExchange.Redis;
using Tarjama.Decoding;
using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Testing;
using Tarjama.Translation;

namespace Tarjama.Tests.Jobs;

/// <summary>The Redis tests run alone, after the others: they watch worker processes through windows (a batch held, a
/// result stored) that a test host starved by parallel tests can miss, and their synchronous Redis calls time out.</summary>
[CollectionDefinition(nameof(RedisFleet), DisableParallelization = true)]
public sealed class RedisFleetCollection;

/// <summary>A real redis-server on a free port and worker processes of the real CLI on the tiny reference model, all
/// ended with the test.</summary>
internal sealed class RedisFleet : IDisposable
{
    public static readonly TranslatorOptions Options = new() { Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 24 } };

    private readonly List<Process> _processes = [];
    private RunningProcess? _redis;

    public int Port { get; } = LoopbackPort.Unused();

    /// <summary>This fleet's Redis password: a worker left over from another test (one waiting out an outage) cannot
    /// join a later Redis that gets the same port.</summary>
    public string Password { get; } = Guid.NewGuid().ToString("N");

    public string Fingerprint { get; } = SegmentKey.Fingerprint(Path.GetFullPath(Fixtures.ReferenceModel), Options);

    public RedisKey Stream => RedisQueueKeys.Stream(Fingerprint);

    public void Dispose()
    {
        foreach (var process in _processes.Where(process => !process.HasExited))
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>Starts redis-server on <see cref="Port"/> with <paramref name="settings"/> (no append-only file unless they say so).</summary>
    public void StartRedis(params string[] settings) =>
        _redis = Start("redis-server", ["--port", Port.ToString(CultureInfo.InvariantCulture), "--requirepass", Password, "--save", "", .. settings.Length > 0 ? settings : ["--appendonly", "no"]]);

    /// <summary>Ends the redis-server with SIGKILL, as a crash would.</summary>
    public void KillRedis()
    {
        _redis!.Process.Kill();
        _redis.Process.WaitForExit();
    }

    /// <summary>A connection to the fleet's Redis, waiting up to 30 s for it to answer: the client keeps retrying in the
    /// background (a Redis just restarted may refuse the first attempts; on a loaded machine each can take seconds).</summary>
    public ConnectionMultiplexer Connect()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{Port},password={Password}");
        options.AbortOnConnectFail = false;
        var connection = ConnectionMultiplexer.Connect(options);
        var deadline = Stopwatch.StartNew();
        while (!connection.IsConnected)
        {
            if (_redis!.Process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                connection.Dispose();
                throw new InvalidOperationException($"redis-server on port {Port} did not answer in {deadline.Elapsed.TotalSeconds:F0} s: {_redis.Output}");
            }
            Thread.Sleep(100);
        }
        return connection;
    }

    /// <summary>Starts <c>tarjama worker</c> on the tiny model, one thread, taking over batches idle for a second.</summary>
    public RunningProcess StartWorker(params string[] settings) => Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Tarjama.Cli.dll"), "worker",
        "--queue", $"redis://:{Password}@127.0.0.1:{Port}", "-m", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "24", "--threads", "1",
        "--claim-idle-ms", "1000", .. settings]);

    /// <summary>Whether <paramref name="worker"/> holds a batch it has not acknowledged.</summary>
    public bool HoldsABatch(IDatabase db, RunningProcess worker)
    {
        try
        {
            return db.StreamPendingMessages(Stream, RedisQueueKeys.Group, 10, $"{Environment.MachineName}-{worker.Process.Id}").Length > 0;
        }
        catch (RedisException)
        {
            return false; // no group yet, or Redis away
        }
    }

    public TranslationJob Job(string document) => TranslationJob.Extract(document, DocumentFormat.Text, "ar", "en", Fingerprint);

    /// <summary>What one machine writes for <paramref name="document"/>: the engine in this process.</summary>
    public static string SingleMachine(string document)
    {
        using var engine = Translator.Load(Fixtures.ReferenceModel, Options);
        return new DocumentTranslator(engine).Translate(document, DocumentFormat.Text);
    }

    /// <summary><paramref name="lines"/> one-sentence lines, each a different run of the sample's words.</summary>
    public static string Document(int lines = 300)
    {
        var words = string.Join(' ', Fixtures.DocumentLines("ntrex128-sample.ar.txt")).Split(' ')
            .Select(word => new string([.. word.Where(char.IsLetter)])).Where(word => word.Length > 0).ToList();
        // Two different words picked by the line number in base d lead each line, so lines stay distinct past the sample's
        // length (runs of its words alone repeat).
        var distinct = words.Distinct().ToList();
        int d = distinct.Count;
        return string.Join("\n", Enumerable.Range(0, lines).Select(i =>
            $"{distinct[i % d]} {distinct[i / d % d]} {string.Join(' ', Enumerable.Range(i, 4).Select(w => words[w % words.Count]))}.")) + "\n";
    }

    /// <summary>Waits up to <paramref name="limit"/> for <paramref name="condition"/>; whether it came true.</summary>
    public static bool Eventually(Func<bool> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < limit)
        {
            Thread.Sleep(10);
        }
        return condition();
    }

    private RunningProcess Start(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        var running = new RunningProcess(Process.Start(start)!);
        _processes.Add(running.Process);
        return running;
    }

}

/// <summary>A started process whose output is collected as it comes, so that it never blocks on a full pipe.</summary>
internal sealed class RunningProcess
{
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();

    public RunningProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, line) =>
        {
            lock (_stdout)
            {
                _stdout.Append(line.Data).Append('\n');
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (_stderr)
            {
                _stderr.Append(line.Data).Append(line.Data is null ? "" : "\n");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>What it wrote to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Sends SIGTERM, as a deploy or <c>docker stop</c> does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
