using Tarjama.Documents;

namespace Tarjama.Jobs;

/// <summary>A document as a job: its extracted segments, the distinct model inputs they need by <see cref="SegmentKey"/>,
/// and the merge that puts the finished translations back. Where the translations come from (an engine here, a fleet
/// of workers) is the caller's; the merge needs only the outputs by key, so a repeated delivery changes nothing.</summary>
public sealed class TranslationJob
{
    private readonly ExtractedDocument _document;
    private readonly string _fingerprint;

    private TranslationJob(ExtractedDocument document, string fingerprint)
    {
        (_document, _fingerprint) = (document, fingerprint);
        Inputs = document.Segments.Where(segment => segment.Translatable)
            .Select(segment => segment.ModelInput)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(input => SegmentKey.Of(fingerprint, input), StringComparer.Ordinal);
    }

    /// <summary>Reads <paramref name="text"/> into a job for the model <paramref name="fingerprint"/> names.</summary>
    public static TranslationJob Extract(string text, DocumentFormat format, string sourceLanguage, string targetLanguage, string fingerprint, DocumentTranslationOptions? options = null) =>
        new(DocumentExtractor.Extract(text, format, sourceLanguage, targetLanguage, options), fingerprint);

    /// <summary>Segments in the document, translatable or not.</summary>
    public int Segments => _document.Segments.Count;

    /// <summary>The distinct model inputs to translate, by key, in document order.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; }

    /// <summary>The translated document from the model's outputs by key.</summary>
    /// <exception cref="ArgumentException">An input has no output.</exception>
    public string Merge(IReadOnlyDictionary<string, string> outputsByKey)
    {
        var missing = Inputs.Keys.Count(key => !outputsByKey.ContainsKey(key));
        if (missing > 0)
        {
            throw new ArgumentException($"{missing} of the job's {Inputs.Count} inputs have no translation", nameof(outputsByKey));
        }
        var targets = _document.Segments.Where(segment => segment.Translatable).ToDictionary(
            segment => segment.Id, segment => SegmentTarget.FromModel(outputsByKey[SegmentKey.Of(_fingerprint, segment.ModelInput)]));
        return _document.Merge(targets).Render();
    }
}
