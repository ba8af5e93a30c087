namespace Tarjama.Memory;

/// <summary>How alike two segments are, as CAT tools score fuzzy matches: 1 minus the word-level edit distance
/// (insertions, deletions, substitutions) over the longer segment's word count.</summary>
public static class TokenSimilarity
{
    public static double Score(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int j = 0; j <= b.Count; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Count; j++)
            {
                int substitution = previous[j - 1] + (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return 1 - ((double)previous[b.Count] / Math.Max(a.Count, b.Count));
    }
}
