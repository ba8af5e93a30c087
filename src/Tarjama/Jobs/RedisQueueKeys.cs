using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>Where a model's segment batches and finished translations live in Redis: one stream (and consumer group)
/// per model fingerprint, so workers only take batches for the model they run; results by <see cref="SegmentKey"/>.</summary>
public static class RedisQueueKeys
{
    public const string Group = "workers";

    /// <summary>The field of a stream entry that holds its model inputs (a JSON array).</summary>
    public const string InputsField = "inputs";

    public static RedisKey Stream(string fingerprint) => $"tarjama:batches:{SegmentKey.Of(fingerprint, "")[..16]}";

    public static RedisKey Result(string segmentKey) => $"tarjama:result:{segmentKey}";

    /// <summary>Connects to <paramref name="url"/> (redis://host:port).</summary>
    /// <exception cref="TarjamaException">The URL is not redis://host[:port], or no Redis answers there.</exception>
    public static ConnectionMultiplexer Connect(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
        {
            throw new TarjamaException($"{url}: not a Redis URL (redis://host:port)");
        }
        var options = new ConfigurationOptions { EndPoints = { { uri.Host, uri.Port > 0 ? uri.Port : 6379 } }, ConnectTimeout = 5000, AbortOnConnectFail = true };
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException e)
        {
            throw new TarjamaException($"{url}: cannot reach Redis ({e.Message.Split('\n')[0]})");
        }
    }
}
