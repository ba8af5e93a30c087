namespace Tarjama.Documents;

/// <summary>A translator that translates nothing: it keeps every distinct segment it is given, in the order first
/// seen, and answers each with itself, so a document read through it gives the model inputs its translation needs.</summary>
public sealed class SegmentCollector(string sourceLanguage, string targetLanguage) : ISegmentTranslator
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _segments = [];

    public string SourceLanguage => sourceLanguage;

    public string TargetLanguage => targetLanguage;

    /// <summary>The distinct segments collected so far, in order.</summary>
    public IReadOnlyList<string> Segments => _segments;

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        _segments.AddRange(segments.Where(_seen.Add));
        return segments;
    }
}
