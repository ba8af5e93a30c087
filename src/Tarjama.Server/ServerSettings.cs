using System.Net;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>Everything an operator chooses about the service: where it listens and the limits that protect it.</summary>
public sealed record ServerSettings
{
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Most characters in one text of a request (LibreTranslate's char limit); -1 for none.</summary>
    public int CharLimit { get; init; } = 5000;

    /// <summary>Most texts in one request's <c>q</c> array; -1 for none.</summary>
    public int BatchLimit { get; init; } = 128;

    /// <summary>Most alternatives a request may ask for.</summary>
    public int AlternativesLimit { get; init; } = 3;

    /// <summary>Largest JSON or form body, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Largest file upload (the whole multipart body), in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 4 << 20;

    public BatchingOptions Batching { get; init; } = new();

    /// <summary>Server-wide glossaries by language pair ("ar-en"), for requests that bring none of their own.</summary>
    public IReadOnlyDictionary<string, Terminology.Glossary> Glossaries { get; init; } = new Dictionary<string, Terminology.Glossary>();

    /// <summary>Server-wide translation memory, applied on every translation path unless a request says <c>tm: false</c>.</summary>
    public ServerMemory Memory { get; init; } = ServerMemory.None;

    /// <summary>Most pairs one post-edit request may store.</summary>
    public int PostEditLimit { get; init; } = 100;

    /// <summary>Seconds a client is told to wait when the queue is full.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Requests per <see cref="RateWindow"/> from one address without a key; 0 for no limit.</summary>
    public int RequestsPerAddress { get; init; }

    /// <summary>Requests per <see cref="RateWindow"/> for a key that names no limit of its own; 0 for no limit.</summary>
    public int RequestsPerKey { get; init; }

    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>File of SHA-256 hashes of the accepted API keys; null when keys are not used.</summary>
    public string? ApiKeysFile { get; init; }

    /// <summary>Refuse requests without a valid key (needs <see cref="ApiKeysFile"/>).</summary>
    public bool RequireApiKey { get; init; }

    /// <summary>Origins browsers may call the API from; "*" for any, empty for none.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = ["*"];

    /// <summary>Characters one caller (API key, or address without one) may translate through the DeepL API while the
    /// server runs; 0 for no quota.</summary>
    public long CharacterQuota { get; init; }

    /// <summary>Largest DeepL API request body, in bytes (DeepL's own limit is 128 KiB).</summary>
    public long DeepLMaxBodyBytes { get; init; } = 128 * 1024;

    /// <summary>How long a translated file stays downloadable.</summary>
    public TimeSpan FileRetention { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Background jobs (/jobs, DeepL's /v2/document): where they are kept and who translates them.</summary>
    public Jobs.JobSettings Jobs { get; init; } = new();

    /// <summary>Most bytes of translated files kept for download at once; past it uploads get 503 until some expire.</summary>
    public long MaxStoredFileBytes { get; init; } = 1L << 30;

    /// <summary>Most engine time one request may use; a request that needs more is refused (400) once it has used it.</summary>
    public TimeSpan MaxRequestEngineTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Memory the requests being translated may take together, by estimate (<see cref="MemoryBudget"/>): past
    /// it requests get 503; one that alone needs more gets 413.</summary>
    public long MemoryBudgetBytes { get; init; } = 1L << 30;

    /// <summary>Longest a client may take to send its request headers.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Slowest a client may send its body (after a grace period) before it is cut off.</summary>
    public int MinBodyBytesPerSecond { get; init; } = 240;

    /// <summary>Milliseconds the web page waits for a translation (LibreTranslate's frontend timeout).</summary>
    public int FrontendTimeoutMs { get; init; } = 500;

    /// <summary>How long a stop (SIGTERM, Ctrl+C) waits for the requests in flight before closing their connections.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        if (RequireApiKey && ApiKeysFile is null)
        {
            throw new TarjamaException("--require-api-key needs --api-keys FILE");
        }
        if (Port is < 0 or > 65535)
        {
            throw new TarjamaException($"--port must be between 0 and 65535 (got {Port})");
        }
        if (CharLimit is 0 or < -1 || BatchLimit is 0 or < -1 || MaxBodyBytes < 1 || MaxUploadBytes < 1 || RequestsPerAddress < 0 || RequestsPerKey < 0 || CharacterQuota < 0 || DeepLMaxBodyBytes < 1)
        {
            throw new TarjamaException("limits must be positive (-1 for no limit where allowed)");
        }
        if (MaxStoredFileBytes is < 1 << 20 or > 1L << 40)
        {
            throw new TarjamaException($"--file-store-mb must be between 1 and 1048576 (got {MaxStoredFileBytes >> 20})");
        }
        if (MaxRequestEngineTime < TimeSpan.FromSeconds(1) || MaxRequestEngineTime > TimeSpan.FromDays(1))
        {
            throw new TarjamaException($"--max-engine-seconds must be between 1 and 86400 (got {MaxRequestEngineTime.TotalSeconds})");
        }
        if (MemoryBudgetBytes is < 16 << 20 or > 1L << 40)
        {
            throw new TarjamaException($"--memory-budget-mb must be between 16 and 1048576 (got {MemoryBudgetBytes >> 20})");
        }
    }
}
