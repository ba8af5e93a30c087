using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>Runs a <see cref="TranslationJob"/> on the workers behind a Redis: its inputs without a stored result go
/// into the model's stream in batches of <paramref name="batchSegments"/>, and once every result is stored the job is
/// merged, once; a batch delivered twice only writes the same result twice.</summary>
public sealed class RedisJobSubmitter(IDatabase redis, string fingerprint, int batchSegments)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The translated document, or a <see cref="TimeoutException"/> when the workers did not finish within
    /// <paramref name="timeout"/>; a Redis that goes away while it waits is asked again until then.</summary>
    public string Translate(TranslationJob job, TimeSpan timeout, IProgress<int>? done = null, CancellationToken cancellationToken = default) =>
        job.Merge(Outputs(job.Inputs, timeout, done, cancellationToken));

    /// <summary>The workers' outputs for <paramref name="inputs"/> (model inputs by <see cref="SegmentKey"/>), by key;
    /// what is stored already is not queued again. Throws as <see cref="Translate"/> does.</summary>
    public Dictionary<string, string> Outputs(IReadOnlyDictionary<string, string> inputs, TimeSpan timeout, IProgress<int>? done = null, CancellationToken cancellationToken = default)
    {
        var stream = RedisQueueKeys.Stream(fingerprint);
        var keys = inputs.Keys.ToArray();
        var outputs = Stored(keys);
        foreach (var batch in keys.Where(key => !outputs.ContainsKey(key)).Chunk(batchSegments))
        {
            redis.StreamAdd(stream, RedisQueueKeys.InputsField, JsonSerializer.Serialize(batch.Select(key => inputs[key])));
        }
        var waited = Stopwatch.StartNew();
        while (outputs.Count < keys.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"the workers finished {outputs.Count} of {keys.Length} inputs in {timeout.TotalSeconds:0} s");
            }
            cancellationToken.WaitHandle.WaitOne(Poll);
            try
            {
                foreach (var (key, output) in Stored([.. keys.Where(key => !outputs.ContainsKey(key))]))
                {
                    outputs[key] = output;
                }
            }
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
            {
                // Redis away for a while: what is stored stays stored; keep asking until the timeout
            }
            done?.Report(outputs.Count);
        }
        return outputs;
    }

    private Dictionary<string, string> Stored(string[] keys)
    {
        var values = redis.StringGet([.. keys.Select(key => RedisQueueKeys.Result(key))]);
        return keys.Zip(values).Where(pair => !pair.Second.IsNull).ToDictionary(pair => pair.First, pair => (string)pair.Second!, StringComparer.Ordinal);
    }
}
