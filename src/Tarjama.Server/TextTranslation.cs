using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>Translates texts keeping their layout: every non-blank line is a segment, blank lines and the spaces around
/// each line stay as they were. All the segments of a request are queued together so they share engine batches.</summary>
internal static class TextTranslation
{
    public static async Task<IReadOnlyList<string>> TranslateAsync(BatchingTranslator translator, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var lines = texts.Select(text => text.Split('\n')).ToList();
        var segments = lines.SelectMany(l => l).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var translations = await translator.TranslateAsync(segments, cancellationToken);
        int next = 0;
        return lines.Select(textLines => string.Join('\n', textLines.Select(line => Replace(line, translations, ref next)))).ToList();
    }

    private static string Replace(string line, IReadOnlyList<string> translations, ref int next)
    {
        string content = line.Trim();
        if (content.Length == 0)
        {
            return line;
        }
        int start = line.IndexOf(content, StringComparison.Ordinal);
        return string.Concat(line.AsSpan(0, start), translations[next++], line.AsSpan(start + content.Length));
    }
}
