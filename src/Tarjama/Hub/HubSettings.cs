namespace Tarjama.Hub;

/// <summary>
/// Where the Hugging Face cache lives and how the Hub is reached, read from the same environment variables as
/// huggingface_hub (HF_HOME, HF_HUB_CACHE, HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE) so both share one cache.
/// </summary>
public sealed class HubSettings
{
    public static readonly Uri DefaultEndpoint = new("https://huggingface.co");

    /// <summary>The hub cache folder holding <c>models--owner--name</c> folders.</summary>
    public required string CacheDirectory { get; init; }

    public Uri Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>Access token for gated or private repositories, sent as <c>Authorization: Bearer</c>.</summary>
    public string? Token { get; init; }

    /// <summary>When set, nothing is fetched: only models already in the cache can be used.</summary>
    public bool Offline { get; init; }

    public static HubSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    internal static HubSettings FromVariables(Func<string, string?> variable)
    {
        var home = PathOf(variable("HF_HOME"))
            ?? Path.Combine(PathOf(variable("XDG_CACHE_HOME")) ?? Path.Combine(UserHome(), ".cache"), "huggingface");
        var cache = PathOf(variable("HF_HUB_CACHE")) ?? PathOf(variable("HUGGINGFACE_HUB_CACHE")) ?? Path.Combine(home, "hub");
        var tokenFile = PathOf(variable("HF_TOKEN_PATH")) ?? Path.Combine(home, "token");
        return new HubSettings
        {
            CacheDirectory = cache,
            Endpoint = NonEmpty(variable("HF_ENDPOINT")) is { } endpoint ? ParseEndpoint(endpoint) : DefaultEndpoint,
            Token = NonEmpty(variable("HF_TOKEN")) ?? ReadToken(tokenFile),
            Offline = IsTrue(variable("HF_HUB_OFFLINE")),
        };
    }

    private static Uri ParseEndpoint(string text) =>
        Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new TarjamaException($"HF_ENDPOINT '{text}' is not an http(s) address");

    // huggingface_hub treats these spellings as "on"; anything else is off.
    private static bool IsTrue(string? value) =>
        value?.Trim().ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";

    // `hf auth login` stores the token in this file; reading it lets a logged-in user pull gated models without HF_TOKEN.
    private static string? ReadToken(string path) => File.Exists(path) ? NonEmpty(File.ReadAllText(path)) : null;

    private static string? PathOf(string? value) => NonEmpty(value) is { } path
        ? path.StartsWith('~') ? UserHome() + path[1..] : path
        : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string UserHome() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
