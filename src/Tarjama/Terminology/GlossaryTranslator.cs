namespace Tarjama.Terminology;

/// <summary>Translates segments with a glossary: finds its terms in each segment and has the engine enforce their
/// targets; segments without terms translate exactly as without the glossary. Disposing it disposes the translator.</summary>
public sealed class GlossaryTranslator(ITermTranslator translator, TermMatcher terms) : ISegmentTranslator, IDisposable
{
    public string SourceLanguage => translator.SourceLanguage;
    public string TargetLanguage => translator.TargetLanguage;
    public TermMatcher Terms => terms;

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        [.. translator.TranslateDetailed(segments, [.. segments.Select(terms.Match)], cancellationToken).Select(r => r.Translation)];

    public void Dispose() => (translator as IDisposable)?.Dispose();
}
