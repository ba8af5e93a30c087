using System.CommandLine;
using System.Net;
using Tarjama.Jobs;
using Tarjama.Server;
using Tarjama.Server.Jobs;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary><c>tarjama serve</c>: loads the models once and serves LibreTranslate's API, our additions and the web page
/// until stopped; SIGTERM or Ctrl+C finishes the requests in flight, then exits.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var models = new Option<string[]>("--model", "-m") { Description = "Model: a folder, a catalogue name (opus-mt-ar-en) or a Hub repository; repeat for more directions (e.g. ar-en and en-ar)", Required = true };
        var host = new Option<string>("--host") { Description = "Address to listen on: an IP address (0.0.0.0 for every interface) or localhost", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port)", DefaultValueFactory = _ => 5000 }.Within(0, 65535);
        var charLimit = new Option<int>("--char-limit") { Description = "Most characters in one text of a request (-1: no limit)", DefaultValueFactory = _ => 5000 }.WithinOrUnlimited(10_000_000);
        var batchLimit = new Option<int>("--batch-limit") { Description = "Most texts in one request's q array (-1: no limit)", DefaultValueFactory = _ => 128 }.WithinOrUnlimited(100_000);
        var maxBody = new Option<long>("--max-body") { HelpName = "BYTES", Description = "Largest JSON or form body", DefaultValueFactory = _ => 1 << 20 }.Within(1, 1L << 30);
        var maxUpload = new Option<long>("--max-upload") { HelpName = "BYTES", Description = "Largest file upload", DefaultValueFactory = _ => 4 << 20 }.Within(1, 1L << 30);
        var queue = new Option<int>("--queue-size") { HelpName = "SEGMENTS", Description = "Most segments waiting for the engine; past it requests get 503 with Retry-After", DefaultValueFactory = _ => 256 }.Within(1, 1_000_000);
        var batchWait = new Option<int>("--batch-wait-ms") { Description = "Longest a segment waits for others to share its engine batch; a lone request waits only until 5 ms pass with no other (--batch-size is the most in one)", DefaultValueFactory = _ => 50 }.Within(0, 10_000);
        var engineSeconds = new Option<int>("--max-engine-seconds") { Description = "Most engine time one request may use", DefaultValueFactory = _ => 120 }.Within(1, 86400);
        var memoryBudget = new Option<int>("--memory-budget-mb") { Description = "Memory the requests being translated may take together, by estimate", DefaultValueFactory = _ => 1024 }.Within(16, 1048576);
        var fileStore = new Option<int>("--file-store-mb") { Description = "Most disk kept for translated files awaiting download", DefaultValueFactory = _ => 1024 }.Within(1, 1048576);
        var requestLimit = new Option<int>("--req-limit") { Description = "Requests per minute from one address without a key (0: no limit)" }.Within(0, 1_000_000);
        var keyLimit = new Option<int>("--key-req-limit") { Description = "Requests per minute for a key that names no limit of its own (0: no limit)" }.Within(0, 1_000_000);
        var apiKeys = new Option<string?>("--api-keys") { HelpName = "FILE", Description = "Accepted API keys, one SHA-256 hash (hex) a line, optionally followed by that key's requests per minute" };
        var requireKey = new Option<bool>("--require-api-key") { Description = "Refuse requests without a valid API key (needs --api-keys)" };
        var quota = new Option<long>("--character-quota") { HelpName = "CHARACTERS", Description = "Characters one API key (or address) may translate through the DeepL API while the server runs; past it 456 (0: no quota)" }.Within(0, 1L << 50);
        var jobsDir = new Option<string?>("--jobs-dir") { HelpName = "DIR", Description = "Where background jobs and their finished segments are kept, so a restarted server finishes them (default: tarjama/jobs in the user's data folder)" };
        var jobQueue = new Option<string?>("--queue") { HelpName = "URL", Description = "redis://host:port: jobs' segments go to `tarjama worker` processes through this Redis" };
        var jobRetention = new Option<int>("--job-retention-hours") { Description = "How long a finished job's result is kept", DefaultValueFactory = _ => 24 }.Within(1, 8784);
        var maxJobs = new Option<int>("--max-jobs") { Description = "Most background jobs queued or running at once; past it submissions get 429", DefaultValueFactory = _ => 256 }.Within(1, 100_000);
        var jobConcurrency = new Option<int>("--job-concurrency") { Description = "Background jobs translated at the same time (their segments share the engine's batches)", DefaultValueFactory = _ => 2 }.Within(1, 64);
        var cors = CorsOption.Create();
        var command = new Command("serve", "Serve translation over HTTP: LibreTranslate's and DeepL's APIs, OPUS-CAT's and Apertium's endpoints, /health, /metrics, /openapi.json and a web page at /.");
        model.AddTo(command);
        // serve takes --model more than once, one per direction; the shared single-model option gives way to it.
        command.Options.Remove(model.Model);
        foreach (var option in new Option[] { models, host, port, charLimit, batchLimit, maxBody, maxUpload, queue, batchWait, engineSeconds, memoryBudget, fileStore, requestLimit, keyLimit, apiKeys, requireKey, quota, cors, jobsDir, jobQueue, jobRetention, maxJobs, jobConcurrency })
        {
            command.Options.Add(option);
        }
        command.OnlyWhen([keyLimit], result => result.Given(apiKeys), "sets the limit of keys from --api-keys FILE: give that file too");
        var glossaries = ServerGlossaries.AddTo(command);
        var memories = ServerMemories.AddTo(command);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var translatorOptions = model.Read(parse);
            var settings = new ServerSettings
            {
                Host = ListenAddress(parse.GetValue(host)!),
                Port = parse.GetValue(port),
                CharLimit = parse.GetValue(charLimit),
                BatchLimit = parse.GetValue(batchLimit),
                MaxBodyBytes = parse.GetValue(maxBody),
                MaxUploadBytes = parse.GetValue(maxUpload),
                Batching = new BatchingOptions
                {
                    MaxBatchSize = translatorOptions.BatchSize,
                    MaxWait = TimeSpan.FromMilliseconds(parse.GetValue(batchWait)),
                    MaxQueuedSegments = parse.GetValue(queue),
                },
                MaxRequestEngineTime = TimeSpan.FromSeconds(parse.GetValue(engineSeconds)),
                MemoryBudgetBytes = (long)parse.GetValue(memoryBudget) << 20,
                MaxStoredFileBytes = (long)parse.GetValue(fileStore) << 20,
                RequestsPerAddress = parse.GetValue(requestLimit),
                RequestsPerKey = parse.GetValue(keyLimit),
                ApiKeysFile = parse.GetValue(apiKeys),
                RequireApiKey = parse.GetValue(requireKey),
                CharacterQuota = parse.GetValue(quota),
                CorsOrigins = CorsOption.Origins(parse.GetValue(cors)!),
            };
            // Before the models load (and perhaps download): a busy port is one line at once, not after a minute.
            PortCheck.EnsureFree(settings.Host, settings.Port);
            if (settings.ApiKeysFile is { } keys && !File.Exists(keys))
            {
                throw new TarjamaException($"{keys}: {FileReadError.Reason(keys)} (--api-keys)");
            }
            if (parse.GetValue(jobQueue) is { } url)
            {
                RedisQueueKeys.Connect(url).Dispose(); // a Redis that is down is one line now, not after the models load
            }
            var loaded = new List<Translator>();
            var jobModels = new List<JobModel>();
            try
            {
                foreach (string name in parse.GetValue(models)!)
                {
                    string folder = ModelOptions.Resolve(name, translatorOptions.DType);
                    loaded.Add(Translator.Load(folder, translatorOptions));
                    jobModels.Add(new JobModel(name, SegmentKey.Fingerprint(Path.GetFullPath(folder), translatorOptions)));
                }
                using var memory = memories.Open(parse, loaded);
                var jobs = new JobSettings
                {
                    Folder = parse.GetValue(jobsDir) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "tarjama", "jobs"),
                    QueueUrl = parse.GetValue(jobQueue),
                    Retention = TimeSpan.FromHours(parse.GetValue(jobRetention)),
                    MaxUnfinished = parse.GetValue(maxJobs),
                    Concurrency = parse.GetValue(jobConcurrency),
                    Models = jobModels,
                };
                Serve(settings with { Glossaries = ServerGlossaries.Read(parse, glossaries, loaded), Memory = memory.Memory, Jobs = jobs }, loaded, parse.GetValue(models)!).GetAwaiter().GetResult();
            }
            finally
            {
                loaded.ForEach(translator => translator.Dispose());
            }
            return 0;
        }));
        return command;
    }

    private static async Task Serve(ServerSettings settings, IReadOnlyList<Translator> models, IReadOnlyList<string> names)
    {
        // One gate for all models: each engine batch uses every core, so batches of different directions take turns.
        using var engine = new SemaphoreSlim(1, 1);
        // A request names a model by the last part of what --model said (opus-mt-ar-en, nllb-200-distilled-600M, a folder's name).
        var server = await TarjamaServer.StartAsync(settings, models.Select((m, i) =>
            BatchingTranslator.For(m, settings.Batching, engine, Path.GetFileName(names[i].TrimEnd('/', '\\')))).ToList());
        await using (server)
        {
            string directions = string.Join(", ", models.Select(m => $"{m.SourceLanguage}→{m.TargetLanguage}"));
            Console.Error.WriteLine($"tarjama: serving {directions} on {server.Address} (Ctrl+C or SIGTERM to stop)");
            await server.WaitForShutdownAsync();
        }
        Console.Error.WriteLine("tarjama: stopped");
    }

    /// <summary>The address <c>--host</c> names: an IP address, or localhost (the loopback address, resolved without DNS).</summary>
    private static IPAddress ListenAddress(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : throw new TarjamaException($"--host must be an IP address or localhost (got {host})");
}
