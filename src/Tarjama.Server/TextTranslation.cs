using Tarjama.Decoding;
using Tarjama.Documents;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>Translates the texts of one /translate request with the documents library, keeping their layout (plain
/// text) or markup (HTML, XML). Either way all the request's segments go to the translator together, so they share engine
/// batches and count as one request against the queue and the engine-time budget.</summary>
internal static class TextTranslation
{
    /// <param name="options">How the texts are read (elements kept as they are...); null for the defaults.</param>
    public static Task<IReadOnlyList<string>> TranslateAsync(ISegmentTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, CancellationToken cancellationToken,
        DocumentTranslationOptions? options = null)
    {
        RejectNul(texts);
        return DocumentWork.Run(() => format == DocumentFormat.Text
            ? new DocumentTranslator(translator, options).TranslatePlainTexts(texts, cancellationToken)
            : MarkupTexts(translator, texts, format, options ?? new DocumentTranslationOptions(), cancellationToken), cancellationToken);
    }

    /// <summary>Refuses a text holding a NUL, which no text has: the documents library would refuse it too, but as a
    /// "document" and at an offset into all the request's texts joined.</summary>
    /// <param name="noun">What the texts are to the caller ("text", or a post-edit's "source" and "target").</param>
    internal static void RejectNul(IReadOnlyList<string> texts, string noun = "text")
    {
        for (int i = 0; i < texts.Count; i++)
        {
            int nul = texts[i].IndexOf('\0');
            if (nul >= 0)
            {
                string which = texts.Count == 1 ? $"the {noun}" : $"{noun} {i + 1} of {texts.Count}";
                throw ApiError.BadRequest($"Invalid request: {which} holds a NUL character (at character {nul}): binary data, not text");
            }
        }
    }

    /// <summary>Markup texts cannot be joined into one document (one text's unclosed tag would swallow the next), so
    /// each is read twice: once to collect its segments, which are then translated all together, and once to be rebuilt
    /// from those translations.</summary>
    private static IReadOnlyList<string> MarkupTexts(ISegmentTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, DocumentTranslationOptions options, CancellationToken cancellationToken)
    {
        var sources = Segments(translator, texts, format, options, cancellationToken);
        var translations = translator.Translate(sources, cancellationToken);
        return Rebuild(translator, texts, format, options, sources.Zip(translations).ToDictionary(StringComparer.Ordinal), cancellationToken);
    }

    /// <summary>Translates the texts with the <paramref name="count"/>+1 best hypotheses of each segment: the best make
    /// the translations, the k-th of every segment (or its best when it has fewer) the k-th alternative of each text;
    /// alternatives equal to the translation or to an earlier one are left out. The beams are raised to count+1 when
    /// the model's default search keeps fewer. Segments that translation memory holds exactly are the memory's in every
    /// version, so alternatives differ only where the model translated.</summary>
    public static Task<IReadOnlyList<(string Translation, IReadOnlyList<string> Alternatives)>> WithAlternativesAsync(
        BatchingTranslator.RequestTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, int count, CancellationToken cancellationToken,
        DocumentTranslationOptions options)
    {
        RejectNul(texts);
        return DocumentWork.Run<IReadOnlyList<(string, IReadOnlyList<string>)>>(() =>
        {
            var sources = Segments(translator, texts, format, options, cancellationToken);
            var generation = new GenerationOverrides { NumBeams = Math.Max(translator.NumBeams, count + 1), NumReturnSequences = count + 1 };
            var results = translator.TranslateDetailedAsync(sources, generation, cancellationToken).GetAwaiter().GetResult();
            var versions = Enumerable.Range(0, count + 1).Select(k => Rebuild(translator, texts, format, options, sources.Zip(results)
                .ToDictionary(p => p.First, p => k == 0 || p.Second.Alternatives.Count < k ? p.Second.Translation : p.Second.Alternatives[k - 1].Translation, StringComparer.Ordinal),
                cancellationToken)).ToList();
            return [.. texts.Select((_, i) => (versions[0][i], (IReadOnlyList<string>)[.. versions.Skip(1).Select(v => v[i]).Where(a => a != versions[0][i]).Distinct()]))];
        }, cancellationToken);
    }

    /// <summary>Every distinct segment of the texts, read as the documents library reads them.</summary>
    private static List<string> Segments(ISegmentTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, DocumentTranslationOptions options, CancellationToken cancellationToken)
    {
        var collector = new SegmentCollector(translator.SourceLanguage, translator.TargetLanguage);
        var collecting = new DocumentTranslator(collector, options);
        foreach (string text in texts)
        {
            collecting.Translate(text, format, cancellationToken);
        }
        return [.. collector.Segments];
    }

    /// <summary>The texts rebuilt from translations of their segments.</summary>
    private static IReadOnlyList<string> Rebuild(ISegmentTranslator translator, IReadOnlyList<string> texts, DocumentFormat format, DocumentTranslationOptions options,
        Dictionary<string, string> translations, CancellationToken cancellationToken)
    {
        var rebuilding = new DocumentTranslator(new KnownTranslations(translator.SourceLanguage, translator.TargetLanguage, translations), options);
        return [.. texts.Select(text => rebuilding.Translate(text, format, cancellationToken))];
    }
}
