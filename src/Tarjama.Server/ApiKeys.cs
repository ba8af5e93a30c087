using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tarjama.Server;

/// <summary>The accepted API keys, stored as SHA-256 hashes (hex), each with an optional request limit of its own:
/// one key a line, <c>HASH [REQUESTS_PER_WINDOW]</c>; blank lines and lines starting with # are skipped.</summary>
internal sealed class ApiKeys
{
    private readonly Dictionary<string, int?> _limits;

    private ApiKeys(Dictionary<string, int?> limits) => _limits = limits;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static ApiKeys Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot be read ({e.Message})", e);
        }
        var limits = new Dictionary<string, int?>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 2 || parts[0].Length != 64 || !parts[0].All(char.IsAsciiHexDigit))
            {
                throw new TarjamaException($"{path}:{i + 1}: expected a SHA-256 hash of a key (64 hex digits), optionally followed by a request limit");
            }
            int? limit = null;
            if (parts.Length == 2)
            {
                limit = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                    ? n
                    : throw new TarjamaException($"{path}:{i + 1}: the request limit must be a positive whole number (got {parts[1]})");
            }
            limits[parts[0].ToLowerInvariant()] = limit;
        }
        return new ApiKeys(limits);
    }

    /// <summary>Finds a key; its id (a prefix of its hash) names it in rate limiting without keeping the key.</summary>
    public bool TryFind(string key, out string id, out int? limit)
    {
        string hash = Hash(key);
        id = hash[..16];
        return _limits.TryGetValue(hash, out limit);
    }
}
