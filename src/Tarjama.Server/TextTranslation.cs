using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>Translates the texts of one /translate request with the documents library, keeping their layout (plain
/// text) or markup (HTML).</summary>
internal static class TextTranslation
{
    public static Task<IReadOnlyList<string>> TranslateAsync(ISegmentTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, CancellationToken cancellationToken)
    {
        var documents = new DocumentTranslator(translator);
        return DocumentWork.Run(() => format == DocumentFormat.Text
            ? PlainTexts(documents, texts, cancellationToken)
            : texts.Select(text => documents.Translate(text, format, cancellationToken)).ToList(), cancellationToken);
    }

    /// <summary>Plain text keeps its line count, so all the texts go through as one document (their sentences share
    /// engine batches) and are cut apart again by lines; each keeps its own line ends.</summary>
    private static IReadOnlyList<string> PlainTexts(DocumentTranslator documents, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var lines = texts.Select(text => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')).ToList();
        var translated = documents.Translate(string.Join('\n', lines.SelectMany(l => l)), DocumentFormat.Text, cancellationToken).Split('\n');
        if (translated.Length != lines.Sum(l => l.Length))
        {
            throw new InvalidOperationException($"the document translator returned {translated.Length} lines for {lines.Sum(l => l.Length)}");
        }
        var results = new List<string>(texts.Count);
        int next = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            results.Add(string.Join(texts[i].Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", translated, next, lines[i].Length));
            next += lines[i].Length;
        }
        return results;
    }
}
