using Tarjama.Memory;

namespace Tarjama.Documents;

/// <summary>The stage between extract and merge: gives every translatable segment of an extracted document a target,
/// from translation memory when it holds the segment exactly, else from the model. Fuzzy matches are shown to the
/// editor, not forced on the decoder as a prefix: a prefix copies the match's words for what changed too.</summary>
internal sealed class SegmentTranslationStep(ISegmentTranslator translator, DocumentTranslationOptions options)
{
    private readonly ModelInputTranslator _machine = new(translator, options);
    private readonly MemoryLookup? _memory = options.Memories.Count > 0
        // Fuzzy matches are shown only in bilingual outputs: a translated document has nowhere to put them.
        ? new MemoryLookup(options.Memories, options.Bilingual is null ? MemoryLookup.ExactOnly : options.FuzzyThreshold, translator.SourceLanguage, translator.TargetLanguage)
        : null;

    /// <summary>Translates <paramref name="document"/>'s segments and merges them back, telling <paramref name="progress"/>
    /// (segments done, segments in all) as it goes.</summary>
    public MergedDocument Translate(ExtractedDocument document, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<string, SegmentTarget>();
        var fuzzy = new Dictionary<string, IReadOnlyList<MemoryMatch>>();
        foreach (var segment in document.Segments.Where(segment => _memory is not null && segment.Translatable))
        {
            var (exact, matches) = _memory!.Find(segment);
            if (exact is not null)
            {
                targets[segment.Id] = exact;
            }
            else if (matches.Count > 0)
            {
                fuzzy[segment.Id] = matches;
            }
        }
        var outputs = _machine.Translate([.. document.Segments.Where(segment => !targets.ContainsKey(segment.Id))], progress, cancellationToken);
        foreach (var segment in document.Segments.Where(segment => segment.Translatable && !targets.ContainsKey(segment.Id)))
        {
            var matches = fuzzy.GetValueOrDefault(segment.Id) ?? [];
            targets[segment.Id] = SegmentTarget.FromModel(outputs[segment.ModelInput]) with { Matches = matches };
        }
        return document.Merge(targets, options.Quality);
    }
}
