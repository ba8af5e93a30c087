using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>Takes segment batches for one model from a Redis stream's consumer group, translates what has no result
/// yet and stores the results by <see cref="SegmentKey"/> in the same transaction that acknowledges the batch, so a
/// worker killed mid-batch loses nothing: its pending batch is claimed (XAUTOCLAIM) by another once idle for
/// <paramref name="claimIdle"/>. Results, the queue and this worker's counters live for <paramref name="ttl"/>
/// (<see cref="RedisQueueKeys.DefaultTtl"/> when null) after they were last written.</summary>
public sealed class RedisSegmentWorker(IDatabase redis, ISegmentTranslator engine, string fingerprint, string consumer, TimeSpan claimIdle, TimeSpan? ttl = null)
{
    /// <summary>How long a worker keeps retrying a Redis that does not answer, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultOutageLimit = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(5);
    private readonly RedisKey _stream = RedisQueueKeys.Stream(fingerprint);
    private readonly TimeSpan _ttl = ttl ?? RedisQueueKeys.DefaultTtl;

    /// <summary>Batches finished by this worker.</summary>
    public long Batches { get; private set; }

    /// <summary>Batches this worker took over from another that held them too long.</summary>
    public long Reclaimed { get; private set; }

    /// <summary>Inputs this worker translated.</summary>
    public long Translated { get; private set; }

    /// <summary>Entries this worker dropped because they were not a batch (no JSON array of texts in their field):
    /// left in the stream they would stop every worker that takes them, again and again.</summary>
    public long Malformed { get; private set; }

    /// <summary>Works until <paramref name="stop"/> is cancelled, then returns after the batch in hand (a drain). A Redis
    /// that does not answer (at start or later) is retried with backoff from 0.1 s doubling up to 5 s, the outage told
    /// to <paramref name="log"/> in one line and its end in another.</summary>
    /// <exception cref="TarjamaException">Redis did not answer for <paramref name="outageLimit"/>
    /// (<see cref="DefaultOutageLimit"/> when null).</exception>
    public void Run(CancellationToken stop, Action<string>? log = null, TimeSpan? outageLimit = null)
    {
        var limit = outageLimit ?? DefaultOutageLimit;
        var backoff = Poll;
        Stopwatch? outage = null;
        bool grouped = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!grouped)
                {
                    EnsureGroup();
                    ResumeOwn(log);
                    grouped = true;
                }
                if (outage is not null)
                {
                    log?.Invoke($"Redis is back after {outage.Elapsed.TotalSeconds:0.#} s");
                    (outage, backoff) = (null, Poll);
                }
                if (!TakeOne(log))
                {
                    stop.WaitHandle.WaitOne(Poll);
                }
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                grouped = false; // a Redis restarted without its data
            }
            catch (Exception e) when (RedisQueueKeys.RefusedCredentials(e) is { } refusal)
            {
                // Waiting out an outage mends no password: say so now rather than after the outage limit.
                throw new TarjamaException($"Redis at {Where} refused this worker's credentials ({refusal})");
            }
            catch (Exception e) when (RedisQueueKeys.IsUnavailable(e))
            {
                grouped = false;
                string reason = e.Message.Split('\n')[0].Split(", mc: ")[0]; // without the client's diagnostics
                if (outage is null)
                {
                    outage = Stopwatch.StartNew();
                    log?.Invoke($"Redis at {Where} unavailable ({reason}); retrying with backoff for up to {limit.TotalSeconds:0} s");
                }
                else if (outage.Elapsed >= limit)
                {
                    throw new TarjamaException($"Redis at {Where} unavailable for {limit.TotalSeconds:0} s ({reason}); giving up");
                }
                stop.WaitHandle.WaitOne(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
            }
        }
    }

    /// <summary>The Redis this worker reads, as host:port (never with its password), for what it says.</summary>
    private string Where => string.Join(", ", redis.Multiplexer.GetEndPoints().Select(EndPointCollection.ToString));

    /// <summary>Claims a stale batch, or reads a new one, and finishes it; false when there was none. An entry that is
    /// not a batch is dropped and told to <paramref name="log"/>.</summary>
    public bool TakeOne(Action<string>? log = null)
    {
        var claimed = redis.StreamAutoClaim(_stream, RedisQueueKeys.Group, consumer, (long)claimIdle.TotalMilliseconds, "0-0", 1).ClaimedEntries;
        var entries = claimed.Length > 0 ? claimed : redis.StreamReadGroup(_stream, RedisQueueKeys.Group, consumer, ">", 1);
        foreach (var entry in entries)
        {
            Finish(entry, reclaimed: claimed.Length > 0, log);
        }
        return entries.Length > 0;
    }

    /// <summary>Finishes the batches this worker was given before Redis went away, without waiting to claim them.</summary>
    private void ResumeOwn(Action<string>? log)
    {
        foreach (var entry in redis.StreamReadGroup(_stream, RedisQueueKeys.Group, consumer, "0-0", 100))
        {
            Finish(entry, reclaimed: false, log);
        }
    }

    private void Finish(StreamEntry entry, bool reclaimed, Action<string>? log)
    {
        if (Inputs(entry) is not { } inputs)
        {
            Drop(entry, log);
            return;
        }
        var keys = inputs.Select(input => RedisQueueKeys.Result(SegmentKey.Of(fingerprint, input))).ToArray();
        var stored = keys.Length > 0 ? redis.StringGet(keys) : [];
        var missing = Enumerable.Range(0, inputs.Length).Where(i => stored[i].IsNull).ToArray();
        var clock = Stopwatch.StartNew();
        var outputs = missing.Length > 0 ? engine.Translate([.. missing.Select(i => inputs[i])]) : [];
        double engineSeconds = clock.Elapsed.TotalSeconds;
        var transaction = redis.CreateTransaction();
        foreach (var (i, n) in missing.Select((i, n) => (i, n)))
        {
            _ = transaction.StringSetAsync(keys[i], outputs[n] ?? "", _ttl);
        }
        _ = transaction.StreamAcknowledgeAsync(_stream, RedisQueueKeys.Group, entry.Id);
        _ = transaction.StreamDeleteAsync(_stream, [entry.Id]);
        _ = transaction.KeyExpireAsync(_stream, _ttl);
        RedisWorkerCounters.Add(transaction, fingerprint, consumer, _ttl, missing.Length, engineSeconds, reclaimed);
        transaction.Execute();
        Batches++;
        Translated += missing.Length;
        Reclaimed += reclaimed ? 1 : 0;
    }

    /// <summary>The entry's model inputs (none for an entry deleted while pending); null when it is not a batch.</summary>
    private static string[]? Inputs(StreamEntry entry)
    {
        var json = entry[RedisQueueKeys.InputsField];
        if (json.IsNull)
        {
            return entry.Values is not { Length: > 0 } ? [] : null; // no values: deleted while pending; values without the field: not ours
        }
        try
        {
            var inputs = JsonSerializer.Deserialize<string?[]>((string)json!);
            return inputs is null || inputs.Any(input => input is null) ? null : [.. inputs.Select(input => input!)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Acknowledges and deletes an entry that is not a batch, so no worker takes it again, and says so.</summary>
    private void Drop(StreamEntry entry, Action<string>? log)
    {
        var transaction = redis.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(_stream, RedisQueueKeys.Group, entry.Id);
        _ = transaction.StreamDeleteAsync(_stream, [entry.Id]);
        transaction.Execute();
        Malformed++;
        log?.Invoke($"dropped stream entry {entry.Id}: not a batch (its {RedisQueueKeys.InputsField} field must be a JSON array of texts)");
    }

    private void EnsureGroup()
    {
        try
        {
            redis.StreamCreateConsumerGroup(_stream, RedisQueueKeys.Group, "0-0", createStream: true);
            redis.KeyExpire(_stream, _ttl);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // made by another worker, or by this one before
        }
    }
}
