using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>Runs a <see cref="TranslationJob"/> on the workers behind a Redis: its inputs without a stored result go
/// into the model's stream in batches of <paramref name="batchSegments"/>, and once every result is stored the job is
/// merged, once; a batch delivered twice only writes the same result twice. The stream lives for
/// <paramref name="ttl"/> (<see cref="RedisQueueKeys.DefaultTtl"/> when null) after the last batch was added.</summary>
public sealed class RedisJobSubmitter(IDatabase redis, string fingerprint, int batchSegments, TimeSpan? ttl = null)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Results asked for in one poll, the first still missing: batches are taken in order, so a poll's cost
    /// stays the same however large the job.</summary>
    private const int PollKeys = 1000;

    /// <summary>The translated document, or a <see cref="TimeoutException"/> when the workers did not finish within
    /// <paramref name="timeout"/>; see <see cref="Outputs"/>.</summary>
    public string Translate(TranslationJob job, TimeSpan timeout, IProgress<int>? done = null, CancellationToken cancellationToken = default) =>
        job.Merge(Outputs(job.Inputs, timeout, done, cancellationToken));

    /// <summary>The workers' outputs for <paramref name="inputs"/> (model inputs by <see cref="SegmentKey"/>), by key;
    /// what is stored already is not queued again. A Redis that is away, at the start or while it waits, is asked again
    /// until <paramref name="timeout"/>; once it answers again, the inputs still missing are added again, since a
    /// restarted Redis may have lost the last second of its append-only file (workers skip what is already stored).</summary>
    public Dictionary<string, string> Outputs(IReadOnlyDictionary<string, string> inputs, TimeSpan timeout, IProgress<int>? done = null, CancellationToken cancellationToken = default)
    {
        var keys = inputs.Keys.ToArray();
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        int enqueue = 1;
        void Reconnected(object? sender, ConnectionFailedEventArgs e) => Interlocked.Exchange(ref enqueue, 1);
        redis.Multiplexer.ConnectionRestored += Reconnected;
        try
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    bool adding = Interlocked.Exchange(ref enqueue, 0) == 1;
                    Collect(keys, outputs, adding ? keys.Length : PollKeys); // before adding, all: nothing stored is sent again
                    done?.Report(outputs.Count);
                    if (outputs.Count == keys.Length)
                    {
                        return outputs;
                    }
                    if (adding)
                    {
                        Enqueue(inputs, [.. keys.Where(key => !outputs.ContainsKey(key))]);
                    }
                }
                catch (Exception e) when (RedisQueueKeys.IsUnavailable(e))
                {
                    Interlocked.Exchange(ref enqueue, 1); // what is stored stays stored; what was being added may not be
                }
                if (waited.Elapsed > timeout)
                {
                    throw new TimeoutException($"the workers finished {outputs.Count} of {keys.Length} inputs in {timeout.TotalSeconds:0} s");
                }
                cancellationToken.WaitHandle.WaitOne(Poll);
            }
        }
        finally
        {
            redis.Multiplexer.ConnectionRestored -= Reconnected;
        }
    }

    private void Enqueue(IReadOnlyDictionary<string, string> inputs, string[] missing)
    {
        var stream = RedisQueueKeys.Stream(fingerprint);
        foreach (var batch in missing.Chunk(batchSegments))
        {
            redis.StreamAdd(stream, RedisQueueKeys.InputsField, JsonSerializer.Serialize(batch.Select(key => inputs[key])));
        }
        redis.KeyExpire(stream, ttl ?? RedisQueueKeys.DefaultTtl);
    }

    /// <summary>Adds to <paramref name="outputs"/> the results stored since the last call of the first
    /// <paramref name="limit"/> of <paramref name="keys"/> still missing, asked for <see cref="PollKeys"/> at a time.</summary>
    private void Collect(string[] keys, Dictionary<string, string> outputs, int limit)
    {
        foreach (var chunk in keys.Where(key => !outputs.ContainsKey(key)).Take(limit).Chunk(PollKeys))
        {
            var values = redis.StringGet([.. chunk.Select(key => RedisQueueKeys.Result(key))]);
            foreach (var (key, value) in chunk.Zip(values).Where(pair => !pair.Second.IsNull))
            {
                outputs[key] = value!;
            }
        }
    }
}
