namespace Tarjama.Documents;

/// <summary>Answers segments from translations made already (by segment), so a document read a second time is rebuilt
/// from them without the engine.</summary>
public sealed class KnownTranslations(string sourceLanguage, string targetLanguage, IReadOnlyDictionary<string, string> translations) : ISegmentTranslator
{
    public string SourceLanguage => sourceLanguage;

    public string TargetLanguage => targetLanguage;

    /// <exception cref="InvalidOperationException">A segment has no translation: the two readings of the document differ.</exception>
    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        [.. segments.Select(segment => translations.TryGetValue(segment, out var translation)
            ? translation
            : throw new InvalidOperationException("a segment read the second time was not among those read the first"))];
}
