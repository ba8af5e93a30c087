using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Tarjama.Jobs;

/// <summary>Where a model's segment batches and finished translations live in Redis: one stream (and consumer group)
/// per model fingerprint, so workers only take batches for the model they run; results by <see cref="SegmentKey"/>;
/// the fleet's counters beside the stream. Every key gets a time to live, so Redis does not grow without bound.</summary>
public static partial class RedisQueueKeys
{
    public const string Group = "workers";

    /// <summary>The field of a stream entry that holds its model inputs (a JSON array).</summary>
    public const string InputsField = "inputs";

    /// <summary>How long a result, a queue and the fleet's counters stay after they were last written, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromDays(7);

    /// <summary>The short name of a model's queue: the start of its fingerprint's hash.</summary>
    public static string Queue(string fingerprint) => SegmentKey.Of(fingerprint, "")[..16];

    public static RedisKey Stream(string fingerprint) => $"tarjama:batches:{Queue(fingerprint)}";

    public static RedisKey Result(string segmentKey) => $"tarjama:result:{segmentKey}";

    /// <summary>How many batches workers took over (XAUTOCLAIM) from others that held them too long.</summary>
    public static RedisKey Reclaimed(string fingerprint) => $"tarjama:reclaimed:{Queue(fingerprint)}";

    /// <summary>The workers of a queue, each scored by when it last finished a batch (Unix seconds).</summary>
    public static RedisKey Workers(string fingerprint) => $"tarjama:workers:{Queue(fingerprint)}";

    /// <summary>One worker's counters (a hash of <see cref="RedisWorkerCounters"/> fields).</summary>
    public static RedisKey WorkerCounters(string fingerprint, string consumer) => $"tarjama:worker:{Queue(fingerprint)}:{consumer}";

    /// <summary>Whether <paramref name="e"/> says Redis is away for now (unreachable, too slow, or still loading its
    /// append-only file after a restart), so that the command is worth asking again later.</summary>
    public static bool IsUnavailable(Exception e) =>
        e is RedisConnectionException or RedisTimeoutException || (e is RedisServerException && e.Message.StartsWith("LOADING", StringComparison.Ordinal));

    /// <summary>Redis's own words when it refused the connection's credentials (NOAUTH: a password is needed;
    /// WRONGPASS: not this one), which no retry mends; null for any other failure.</summary>
    public static string? RefusedCredentials(Exception e) =>
        Refusal().Match(e.Message) is { Success: true } match ? match.Value.TrimEnd('.') : e.InnerException is { } inner ? RefusedCredentials(inner) : null;

    [GeneratedRegex(@"\b(?:NOAUTH|WRONGPASS) [^.;]*")]
    private static partial Regex Refusal();

    /// <summary>Connects to <paramref name="url"/> (redis://[[user]:password@]host[:port]).</summary>
    /// <exception cref="TarjamaException">The URL is not a Redis URL, or no Redis answers there.</exception>
    public static ConnectionMultiplexer Connect(string url) => Connect(url, waitForRedis: false);

    /// <summary>Connects to <paramref name="url"/>; with <paramref name="waitForRedis"/> a Redis that does not answer yet
    /// is not an error: the connection is made when it does, and each command until then fails at once (no backlog),
    /// so that the caller's own retries decide how long to wait.</summary>
    /// <exception cref="TarjamaException">The URL is not redis://host[:port], or (not waiting) no Redis answers there.</exception>
    public static ConnectionMultiplexer Connect(string url, bool waitForRedis)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
        {
            throw new TarjamaException("not a Redis URL (redis://[[user]:password@]host:port)");
        }
        string shown = $"redis://{uri.Host}:{(uri.Port > 0 ? uri.Port : 6379)}"; // errors never show the password
        // As redis-py reads URLs: user:password@, :password@ (the default user), or user@.
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var options = new ConfigurationOptions
        {
            EndPoints = { { uri.Host, uri.Port > 0 ? uri.Port : 6379 } },
            ConnectTimeout = 5000,
            AbortOnConnectFail = !waitForRedis,
            BacklogPolicy = waitForRedis ? BacklogPolicy.FailFast : BacklogPolicy.Default,
            ReconnectRetryPolicy = new LinearRetry(500),
            User = credentials[0].Length > 0 ? credentials[0] : null,
            Password = credentials.Length == 2 ? credentials[1] : null,
        };
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException e)
        {
            throw new TarjamaException($"{shown}: cannot reach Redis ({e.Message.Split('\n')[0]})");
        }
    }
}
