using System.Text.Json;
using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>Takes segment batches for one model from a Redis stream's consumer group, translates what has no result
/// yet and stores the results by <see cref="SegmentKey"/> before acknowledging, so a worker killed mid-batch loses
/// nothing: its pending batch is claimed (XAUTOCLAIM) by another once idle for <paramref name="claimIdle"/>.</summary>
public sealed class RedisSegmentWorker(IDatabase redis, ISegmentTranslator engine, string fingerprint, string consumer, TimeSpan claimIdle)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly RedisKey _stream = RedisQueueKeys.Stream(fingerprint);

    /// <summary>Batches finished by this worker.</summary>
    public long Batches { get; private set; }

    /// <summary>Batches this worker took over from another that held them too long.</summary>
    public long Reclaimed { get; private set; }

    /// <summary>Inputs this worker translated.</summary>
    public long Translated { get; private set; }

    /// <summary>Works until <paramref name="stop"/> is cancelled, then returns after the batch in hand (a drain); a Redis
    /// that goes away is retried with backoff, up to a minute between tries, each told to <paramref name="retrying"/>.</summary>
    public void Run(CancellationToken stop, Action<string>? retrying = null)
    {
        var backoff = Poll;
        bool grouped = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!grouped)
                {
                    EnsureGroup();
                    grouped = true;
                }
                if (!TakeOne())
                {
                    stop.WaitHandle.WaitOne(Poll);
                }
                backoff = Poll;
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                grouped = false; // a Redis restarted without its data
            }
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
            {
                grouped = false;
                retrying?.Invoke($"Redis unavailable ({e.Message.Split('\n')[0]}); retrying in {backoff.TotalSeconds:0.#} s");
                stop.WaitHandle.WaitOne(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    /// <summary>Claims a stale batch, or reads a new one, and finishes it; false when there was none.</summary>
    public bool TakeOne()
    {
        var claimed = redis.StreamAutoClaim(_stream, RedisQueueKeys.Group, consumer, (long)claimIdle.TotalMilliseconds, "0-0", 1).ClaimedEntries;
        var entries = claimed.Length > 0 ? claimed : redis.StreamReadGroup(_stream, RedisQueueKeys.Group, consumer, ">", 1);
        if (entries.Length == 0)
        {
            return false;
        }
        Reclaimed += claimed.Length;
        foreach (var entry in entries)
        {
            Finish(entry);
        }
        return true;
    }

    private void Finish(StreamEntry entry)
    {
        var inputs = JsonSerializer.Deserialize<string[]>((string)entry[RedisQueueKeys.InputsField]!) ?? [];
        var keys = inputs.Select(input => RedisQueueKeys.Result(SegmentKey.Of(fingerprint, input))).ToArray();
        var stored = redis.StringGet(keys);
        var missing = Enumerable.Range(0, inputs.Length).Where(i => stored[i].IsNull).ToArray();
        if (missing.Length > 0)
        {
            var outputs = engine.Translate([.. missing.Select(i => inputs[i])]);
            redis.StringSet([.. missing.Select((i, n) => KeyValuePair.Create(keys[i], (RedisValue)(outputs[n] ?? "")))]);
            Translated += missing.Length;
        }
        redis.StreamAcknowledge(_stream, RedisQueueKeys.Group, entry.Id);
        redis.StreamDelete(_stream, [entry.Id]);
        Batches++;
    }

    private void EnsureGroup()
    {
        try
        {
            redis.StreamCreateConsumerGroup(_stream, RedisQueueKeys.Group, "0-0", createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // made by another worker, or by this one before
        }
    }
}
