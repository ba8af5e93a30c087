using System.CommandLine;
using System.Runtime.InteropServices;
using Tarjama.Jobs;
using Tarjama.Translation;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary><c>tarjama worker --queue redis://host:port -m M</c>: translates segment batches for model M from Redis until
/// stopped; SIGTERM or Ctrl-C finishes the batch in hand first.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var queue = new Option<string>("--queue") { Description = "The Redis that holds the batches: redis://host:port", Required = true };
        var claimIdle = new Option<int>("--claim-idle-ms")
        {
            Description = "Take over a batch another worker has held this long without finishing it (1000 to 3600000)",
            DefaultValueFactory = _ => 60_000,
        };
        var ttl = new Option<int>("--ttl-hours")
        {
            Description = "Keep results, the queue and this worker's counters in Redis this long after their last write (1 to 8760)",
            DefaultValueFactory = _ => (int)RedisQueueKeys.DefaultTtl.TotalHours,
        };
        var wait = new Option<int>("--redis-wait-s")
        {
            Description = "Retry a Redis that does not answer (at start or later) this long before stopping with an error (1 to 86400)",
            DefaultValueFactory = _ => (int)RedisSegmentWorker.DefaultOutageLimit.TotalSeconds,
        };
        var command = new Command("worker", "Translate segment batches from a Redis queue (see docs/deploy.md).");
        model.AddTo(command);
        command.Options.Add(queue);
        command.Options.Add(claimIdle);
        command.Options.Add(ttl);
        command.Options.Add(wait);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            int idle = parse.GetValue(claimIdle);
            if (idle is < 1000 or > 3_600_000)
            {
                throw new TarjamaException($"--claim-idle-ms must be from 1000 to 3600000 (got {idle})");
            }
            int hours = parse.GetValue(ttl), waitSeconds = parse.GetValue(wait);
            if (hours is < 1 or > 8760)
            {
                throw new TarjamaException($"--ttl-hours must be from 1 to 8760 (got {hours})");
            }
            if (waitSeconds is < 1 or > 86_400)
            {
                throw new TarjamaException($"--redis-wait-s must be from 1 to 86400 (got {waitSeconds})");
            }
            var options = model.Read(parse);
            var folder = model.ResolveFolder(parse);
            using var redis = RedisQueueKeys.Connect(parse.GetValue(queue)!, waitForRedis: true);
            using var engine = Translator.Load(folder, options);
            var consumer = $"{Environment.MachineName}-{Environment.ProcessId}";
            var worker = new RedisSegmentWorker(redis.GetDatabase(), engine, SegmentKey.Fingerprint(Path.GetFullPath(folder), options), consumer,
                TimeSpan.FromMilliseconds(idle), TimeSpan.FromHours(hours));
            var stop = new CancellationTokenSource(); // not disposed: a late second signal may still cancel it
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true; // drain: the batch in hand is finished first
                stop.Cancel();
            }
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            Console.Error.WriteLine($"tarjama worker {consumer}: waiting for batches");
            worker.Run(stop.Token, message => Console.Error.WriteLine($"tarjama worker {consumer}: {message}"), TimeSpan.FromSeconds(waitSeconds));
            Console.Error.WriteLine($"tarjama worker {consumer}: stopped after {Counted.Of(worker.Batches, "batch", "batches")} ({worker.Reclaimed} reclaimed), {Counted.Of(worker.Translated, "segment")} translated");
            return 0;
        }));
        return command;
    }
}
