using System.Globalization;

namespace Tarjama.Text;

/// <summary>Counts with their nouns agreeing, as people write them: "1 entry", "2 entries", "1 segment".</summary>
internal static class Counted
{
    /// <summary>The noun for <paramref name="n"/> of it: the singular for exactly one, else the plural (singular + s unless given).</summary>
    public static string Noun(double n, string singular, string? plural = null) => n == 1 ? singular : plural ?? singular + "s";

    public static string Of(long n, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {Noun(n, singular, plural)}");
}
