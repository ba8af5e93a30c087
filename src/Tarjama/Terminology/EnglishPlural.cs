namespace Tarjama.Terminology;

/// <summary>The simple English plurals a term's last word may take: +s, +es, y to ies.</summary>
internal static class EnglishPlural
{
    /// <summary>The singular forms <paramref name="word"/> (lower case) may be the plural of.</summary>
    public static IEnumerable<string> Singulars(string word)
    {
        if (word.Length < 3 || word[^1] != 's' || !char.IsAsciiLetter(word[^2]))
        {
            yield break;
        }
        yield return word[..^1];
        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 3)
        {
            yield return word[..^3] + "y";
        }
    }
}
