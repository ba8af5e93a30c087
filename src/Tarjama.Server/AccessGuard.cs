using System.Globalization;
using System.Threading.RateLimiting;

namespace Tarjama.Server;

/// <summary>Who may call and how often: API keys (403 for a wrong one, 400 when one is required and missing, as
/// LibreTranslate answers) and fixed-window request limits per key or per client address (429).</summary>
internal sealed class AccessGuard : IDisposable
{
    private readonly ServerSettings _settings;
    private readonly ApiKeys? _keys;
    private readonly PartitionedRateLimiter<(string Partition, int Limit)> _limiter;

    public AccessGuard(ServerSettings settings)
    {
        _settings = settings;
        _keys = settings.ApiKeysFile is { } file ? ApiKeys.Load(file) : null;
        _limiter = PartitionedRateLimiter.Create<(string Partition, int Limit), string>(client =>
            RateLimitPartition.GetFixedWindowLimiter(client.Partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = client.Limit,
                Window = settings.RateWindow,
                QueueLimit = 0,
            }));
    }

    public bool UsesKeys => _keys is not null;

    /// <summary>Whether a request without a key is refused (<c>--require-api-key</c>).</summary>
    public bool RequiresKey => _keys is not null && _settings.RequireApiKey;

    /// <summary>Checks LibreTranslate's api_key field.</summary>
    /// <returns>Who is calling, as <see cref="CheckKey"/> tells.</returns>
    public string Check(HttpContext context, RequestFields fields) => CheckKey(context, fields.Text("api_key"));

    /// <summary>Checks a key given some other way than LibreTranslate's api_key field (DeepL's Authorization header).</summary>
    /// <returns>Who is calling: the key's id, or the client's address when no key is used.</returns>
    public string CheckKey(HttpContext context, string? key)
    {
        var client = Identify(context, key);
        if (client.Limit <= 0)
        {
            return client.Partition;
        }
        using var lease = _limiter.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _settings.RateWindow;
            throw new ApiError(StatusCodes.Status429TooManyRequests, $"Slowdown: {client.Limit} per {Describe(_settings.RateWindow)}")
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture) },
            };
        }
        return client.Partition;
    }

    private (string Partition, int Limit) Identify(HttpContext context, string? key)
    {
        if (_keys is not null)
        {
            if (key is not null)
            {
                return _keys.TryFind(key, out string id, out int? limit)
                    ? ("key:" + id, limit ?? _settings.RequestsPerKey)
                    : throw new ApiError(StatusCodes.Status403Forbidden, "Invalid API key");
            }
            if (_settings.RequireApiKey)
            {
                throw ApiError.BadRequest("Please contact the server operator to get an API key");
            }
        }
        return ("address:" + context.Connection.RemoteIpAddress, _settings.RequestsPerAddress);
    }

    private static string Describe(TimeSpan window) => window.TotalSeconds % 60 == 0
        ? $"{window.TotalMinutes:0} minute"
        : $"{window.TotalSeconds:0.###} second";

    public void Dispose() => _limiter.Dispose();
}
