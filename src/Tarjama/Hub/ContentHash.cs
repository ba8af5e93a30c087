using System.Security.Cryptography;
using System.Text;

namespace Tarjama.Hub;

/// <summary>
/// The Hub names every file by a hash of its bytes: large (LFS) files by their SHA-256, files kept in git by their git
/// blob id (SHA-1 of "blob &lt;size&gt;\0" + bytes). The cache names blobs the same way, so a blob's name says how to check it.
/// </summary>
internal static class ContentHash
{
    public enum Kind
    {
        Unknown,
        Sha256,
        GitBlobSha1,
    }

    public static Kind KindOf(string etag) => etag.Length switch
    {
        64 when IsLowerHex(etag) => Kind.Sha256,
        40 when IsLowerHex(etag) => Kind.GitBlobSha1,
        _ => Kind.Unknown,
    };

    public static string Describe(Kind kind) => kind == Kind.Sha256 ? "SHA-256" : "git blob SHA-1";

    /// <summary>The hash of the file in the form the etag uses, or null when the etag is neither form.</summary>
    public static string? Compute(string path, Kind kind)
    {
        if (kind == Kind.Unknown)
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(kind == Kind.Sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        if (kind == Kind.GitBlobSha1)
        {
            hash.AppendData(Encoding.ASCII.GetBytes($"blob {stream.Length}\0"));
        }

        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer.AsSpan(0, read));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool IsLowerHex(string text) => text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
