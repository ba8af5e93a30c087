namespace Tarjama.Documents;

/// <summary>The stage between extract and merge: gives every translatable segment of an extracted document a target.</summary>
internal sealed class SegmentTranslationStep(ISegmentTranslator translator, DocumentTranslationOptions options)
{
    private readonly ModelInputTranslator _machine = new(translator, options);

    /// <summary>Translates <paramref name="document"/>'s segments and merges them back, telling <paramref name="progress"/>
    /// (segments done, segments in all) as it goes.</summary>
    public MergedDocument Translate(ExtractedDocument document, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var outputs = _machine.Translate(document.Segments, progress, cancellationToken);
        var targets = document.Segments.Where(segment => segment.Translatable)
            .ToDictionary(segment => segment.Id, segment => SegmentTarget.FromModel(outputs[segment.ModelInput]));
        return document.Merge(targets);
    }
}
