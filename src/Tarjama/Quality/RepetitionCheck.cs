namespace Tarjama.Quality;

/// <summary>The translation has no loop: the same word four times in a row, or the same run of two to four words
/// three times in a row ("of the war of the war of the war"), unless the source repeats itself as much.</summary>
public sealed class RepetitionCheck : IQualityCheck
{
    public QualityIssue? Check(QualitySegment segment)
    {
        var loop = Loop(Words(segment.Target));
        return loop is not null && Loop(Words(segment.Source)) is null ? new QualityIssue("repetition", $"'{loop}' repeated") : null;
    }

    private static string[] Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '،', '؛', ';', ':'))];

    /// <summary>The first n-gram repeated back to back often enough to be a loop, or null.</summary>
    public static string? Loop(string[] words)
    {
        for (int n = 1; n <= 4; n++)
        {
            int needed = n == 1 ? 4 : 3;
            for (int start = 0; start + (n * needed) <= words.Length; start++)
            {
                int times = 1;
                while (start + (n * (times + 1)) <= words.Length && Same(words, start, start + (n * times), n))
                {
                    times++;
                }
                if (times >= needed)
                {
                    return string.Join(' ', words, start, n);
                }
            }
        }
        return null;
    }

    private static bool Same(string[] words, int a, int b, int n)
    {
        for (int k = 0; k < n; k++)
        {
            if (words[a + k] != words[b + k])
            {
                return false;
            }
        }
        return true;
    }
}
