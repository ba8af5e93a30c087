#:project ../../src/Tarjama/Tarjama.csproj
#:property JsonSerializerIsReflectionEnabledByDefault=true
// Throughput of Redis Streams workers: the same job through one worker and through two (each `./tarjama worker
// --threads 1`), interleaved, fresh results each trial; then the Redis commands per segment and the size of a result.
// Usage, from the repository root: dotnet run tools/redis-bench/RedisScaleBench.cs MODEL_FOLDER ARABIC_LINES_FILE [lines=200] [runs=3] [batch=4]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Translation;

string model = Path.GetFullPath(args[0]);
int lines = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
int runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
int batch = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 4;
string document = string.Join("\n", File.ReadLines(args[1]).Take(lines)) + "\n";
string launcher = Path.GetFullPath("tarjama"); // run from the repository root
string fingerprint = SegmentKey.Fingerprint(model, new TranslatorOptions()); // what `worker -m MODEL` computes without overrides
TranslationJob NewJob() => TranslationJob.Extract(document, DocumentFormat.Text, "ar", "en", fingerprint); // a job merges once
var job = NewJob();

int port = FreePort();
string dir = Directory.CreateTempSubdirectory("tarjama-redis-bench-").FullName;
using var redisServer = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "yes", "--dir", dir]) { RedirectStandardOutput = true })!;
AppDomain.CurrentDomain.UnhandledException += (_, _) => redisServer.Kill(); // no orphan server when the bench fails
Thread.Sleep(500);
using var redis = ConnectionMultiplexer.Connect($"127.0.0.1:{port},allowAdmin=true");
var db = redis.GetDatabase();
var server = redis.GetServer(redis.GetEndPoints()[0]);
Console.WriteLine($"job: {lines} NTREX lines, {job.Segments} segments, {job.Inputs.Count} distinct inputs, batches of {batch}; model {model}; {Environment.ProcessorCount} cores");

var seconds = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
var perCpuSecond = new Dictionary<int, List<double>> { [1] = [], [2] = [] }; // segments a second of the workers' CPU time: what the shared machine does not skew
long rss = 0;
for (int run = 1; run <= runs; run++)
{
    foreach (int workers in new[] { 1, 2 })
    {
        server.FlushAllDatabases();
        var started = Enumerable.Range(0, workers).Select(_ => StartWorker()).ToList();
        double elapsed, cpu;
        Dictionary<string, long> commands;
        try
        {
            (elapsed, cpu, commands) = Trial(started);
        }
        finally
        {
            rss = started.Max(worker => Rss(worker.Id));
            foreach (var worker in started)
            {
                Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                worker.WaitForExit();
            }
        }
        seconds[workers].Add(elapsed);
        perCpuSecond[workers].Add(job.Inputs.Count / cpu);
        Console.WriteLine($"run {run}, {workers} worker(s): {elapsed:0.0} s, {job.Inputs.Count / elapsed:0.00} segments/s, workers' CPU {cpu:0.0} s ({job.Inputs.Count / cpu:0.00} segments per CPU-second), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, worker memory {rss / 1024} MB");
        if (run == 1 && workers == 2)
        {
            Console.WriteLine($"  Redis commands in the trial: {string.Join(", ", commands.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"))}");
            long polls = commands.GetValueOrDefault("mget") - commands.GetValueOrDefault("xack"); // a worker reads stored results once a batch
            Console.WriteLine($"  per segment: {(commands.Values.Sum() - polls - commands.GetValueOrDefault("info")) / (double)job.Inputs.Count:0.00} commands of workers and submitter, besides the submitter's {polls} MGET polls (one each 100 ms)");
            var sizes = job.Inputs.Keys.Select(key => (Value: db.StringLength(RedisQueueKeys.Result(key)), Memory: (long)db.Execute("MEMORY", "USAGE", RedisQueueKeys.Result(key)))).ToList();
            Console.WriteLine($"  result: {sizes.Average(s => s.Value):0} bytes of text on average, {sizes.Average(s => s.Memory):0} bytes of Redis memory with its key");
        }
    }
}
double one = Median(seconds[1]), two = Median(seconds[2]);
Console.WriteLine($"median: 1 worker {one:0.0} s ({job.Inputs.Count / one:0.00} segments/s), 2 workers {two:0.0} s ({job.Inputs.Count / two:0.00} segments/s): {one / two:0.00}x");
Console.WriteLine($"median segments per CPU-second: 1 worker {Median(perCpuSecond[1]):0.00}, 2 workers {Median(perCpuSecond[2]):0.00}");
redisServer.Kill();
Directory.Delete(dir, recursive: true);

(double Seconds, double CpuSeconds, Dictionary<string, long> Commands) Trial(List<Process> workers)
{
    var before = CommandCounts();
    double cpuBefore = workers.Sum(worker => CpuSeconds(worker.Id));
    var clock = Stopwatch.StartNew();
    new RedisJobSubmitter(db, fingerprint, batch).Translate(NewJob(), TimeSpan.FromHours(1));
    double elapsed = clock.Elapsed.TotalSeconds;
    double cpu = workers.Sum(worker => CpuSeconds(worker.Id)) - cpuBefore;
    var after = CommandCounts();
    return (elapsed, cpu, after.ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key)));
}

Dictionary<string, long> CommandCounts() => server.Info("commandstats").SelectMany(group => group)
    .ToDictionary(pair => pair.Key.Replace("cmdstat_", "", StringComparison.Ordinal), pair => long.Parse(pair.Value.Split(',')[0].Split('=')[1], CultureInfo.InvariantCulture));

// Started and ready (model loaded, waiting for batches) before the clock starts.
Process StartWorker()
{
    var start = new ProcessStartInfo(launcher, ["worker", "--queue", $"redis://127.0.0.1:{port}", "-m", model, "--threads", "1"]) { RedirectStandardError = true, RedirectStandardOutput = true };
    var worker = Process.Start(start)!;
    while (worker.StandardError.ReadLine() is { } line && !line.Contains("waiting for batches", StringComparison.Ordinal))
    {
    }
    _ = worker.StandardError.ReadToEndAsync(); // keep the pipe drained
    return worker;
}

// A process's user and system CPU time (/proc/PID/stat fields 14 and 15, in 1/100 s).
static double CpuSeconds(int pid)
{
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

// A process's resident memory in KB.
static long Rss(int pid) => long.Parse(File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
