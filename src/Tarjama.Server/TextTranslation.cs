using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>Translates the texts of one /translate request with the documents library, keeping their layout (plain
/// text) or markup (HTML). Either way all the request's segments go to the translator together, so they share engine
/// batches and count as one request against the queue and the engine-time budget.</summary>
internal static class TextTranslation
{
    public static Task<IReadOnlyList<string>> TranslateAsync(ISegmentTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, CancellationToken cancellationToken) =>
        DocumentWork.Run(() => format == DocumentFormat.Text
            ? PlainTexts(new DocumentTranslator(translator), texts, cancellationToken)
            : HtmlTexts(translator, texts, cancellationToken), cancellationToken);

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

    /// <summary>HTML texts cannot be joined into one document (one text's unclosed tag would swallow the next), so each
    /// is read twice: once to collect its segments, which are then translated all together, and once to be rebuilt
    /// from those translations.</summary>
    private static IReadOnlyList<string> HtmlTexts(ISegmentTranslator translator, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var collector = new SegmentCollector(translator.SourceLanguage, translator.TargetLanguage);
        var collecting = new DocumentTranslator(collector);
        foreach (string text in texts)
        {
            collecting.Translate(text, DocumentFormat.Html, cancellationToken);
        }
        var sources = collector.Segments.ToList();
        var translations = translator.Translate(sources, cancellationToken);
        var known = new KnownTranslations(translator.SourceLanguage, translator.TargetLanguage, sources.Zip(translations).ToDictionary(StringComparer.Ordinal));
        var rebuilding = new DocumentTranslator(known);
        return texts.Select(text => rebuilding.Translate(text, DocumentFormat.Html, cancellationToken)).ToList();
    }

    /// <summary>Remembers every distinct segment it is given and answers each with itself.</summary>
    private sealed class SegmentCollector(string source, string target) : ISegmentTranslator
    {
        public string SourceLanguage => source;
        public string TargetLanguage => target;
        public HashSet<string> Segments { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
        {
            Segments.UnionWith(segments);
            return segments;
        }
    }

    /// <summary>Answers segments from translations already made.</summary>
    private sealed class KnownTranslations(string source, string target, Dictionary<string, string> translations) : ISegmentTranslator
    {
        public string SourceLanguage => source;
        public string TargetLanguage => target;

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
            segments.Select(segment => translations.TryGetValue(segment, out var translation)
                ? translation
                : throw new InvalidOperationException("a segment read the second time was not among those read the first")).ToList();
    }
}
