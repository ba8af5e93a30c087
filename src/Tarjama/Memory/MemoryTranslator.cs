namespace Tarjama.Memory;

/// <summary>A translator that answers from translation memory where it holds a segment exactly (numbers substituted)
/// and asks the model for the rest: for sentence-level callers (evaluation). It owns the model and the memories.</summary>
public sealed class MemoryTranslator(ISegmentTranslator model, IReadOnlyList<TranslationMemory> memories) : ISegmentTranslator, IDisposable
{
    private readonly MemoryLookup _lookup = new(memories, MemoryLookup.ExactOnly, model.SourceLanguage, model.TargetLanguage);

    public string SourceLanguage => model.SourceLanguage;

    public string TargetLanguage => model.TargetLanguage;

    /// <summary>How many segments came from memory so far.</summary>
    public int MemoryHits { get; private set; }

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        var results = new string?[segments.Count];
        for (int i = 0; i < segments.Count; i++)
        {
            var masked = MemoryPairs.Mask(segments[i]);
            if (_lookup.Find(masked).Exact is { } entry)
            {
                results[i] = MemoryPairs.Written(entry, masked);
                MemoryHits++;
            }
        }
        var rest = Enumerable.Range(0, segments.Count).Where(i => results[i] is null).ToList();
        var translated = rest.Count > 0 ? model.Translate([.. rest.Select(i => segments[i])], cancellationToken) : [];
        for (int i = 0; i < rest.Count; i++)
        {
            results[rest[i]] = translated[i];
        }
        return [.. results.Select(result => result!)];
    }

    public void Dispose()
    {
        (model as IDisposable)?.Dispose();
        foreach (var memory in memories)
        {
            memory.Dispose();
        }
    }
}
