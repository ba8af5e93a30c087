namespace Tarjama.Jobs;

/// <summary>Segments translated by the workers behind a Redis rather than here: each call's distinct inputs go to the
/// model's stream in batches (<see cref="RedisJobSubmitter"/>), so one call spreads over every worker.</summary>
public sealed class RedisSegmentTranslator(RedisJobSubmitter submitter, string fingerprint, string sourceLanguage, string targetLanguage, TimeSpan timeout) : ISegmentTranslator
{
    public string SourceLanguage => sourceLanguage;

    public string TargetLanguage => targetLanguage;

    /// <exception cref="TarjamaException">The workers did not finish the inputs within the timeout, or Redis went away.</exception>
    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        var keys = segments.Select(segment => SegmentKey.Of(fingerprint, segment)).ToList();
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, segment) in keys.Zip(segments))
        {
            inputs.TryAdd(key, segment);
        }
        try
        {
            var outputs = submitter.Outputs(inputs, timeout, null, cancellationToken);
            return [.. keys.Select(key => outputs[key])];
        }
        catch (TimeoutException e)
        {
            throw new TarjamaException($"no worker translated the job in time: {e.Message} (is `tarjama worker` running for this model?)");
        }
        catch (StackExchange.Redis.RedisException e)
        {
            throw new TarjamaException($"Redis unavailable ({e.Message.Split('\n')[0]})");
        }
    }
}
