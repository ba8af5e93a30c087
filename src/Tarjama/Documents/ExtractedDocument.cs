using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>A document read into segments (extract), ready to take their translations back (merge): the one seam where
/// machine translation, memory, XLIFF and jobs meet the document.</summary>
/// <remarks>Merging writes into the extraction (an HTML document is rebuilt in its own DOM), so it is done once.</remarks>
public sealed class ExtractedDocument
{
    private readonly IDocumentBlocks? _source;
    private readonly SegmentMasker _masker;
    private bool _merged;

    internal ExtractedDocument(IReadOnlyList<IReadOnlyList<InlinePiece>> blocks, int firstParagraph, IDocumentBlocks? source, SegmentMasker masker,
        SegmentLengthLimit limit, DocumentFormat format, string sourceLanguage, string targetLanguage)
    {
        (_source, _masker, Format, SourceLanguage, TargetLanguage) = (source, masker, format, sourceLanguage, targetLanguage);
        Blocks = [.. blocks.Select(block => BlockSegmenter.Split(block, limit))];
        var segments = new List<ExtractedSegment>();
        for (int b = 0; b < Blocks.Count; b++)
        {
            int index = 0;
            foreach (var span in Blocks[b].Spans.Where(span => span.IsSegment))
            {
                segments.Add(SegmentCodes.Extract(firstParagraph + b, index++, Blocks[b].Pieces, span, masker.Mask(Blocks[b].Pieces, span.Parts), source));
            }
        }
        Segments = segments;
    }

    public DocumentFormat Format { get; }

    public string SourceLanguage { get; }

    public string TargetLanguage { get; }

    /// <summary>The document's segments, in document order.</summary>
    public IReadOnlyList<ExtractedSegment> Segments { get; }

    internal IReadOnlyList<SegmentedBlock> Blocks { get; }

    /// <summary>Puts <paramref name="targets"/> (by segment id) into the document; a segment without one keeps its source,
    /// and so does a segment whose translation is empty. A segment with no words (a number, a URL) is written in the
    /// target's digits and punctuation.</summary>
    /// <param name="quality">Checks each translated segment; null for no checks.</param>
    /// <exception cref="InvalidOperationException">The extraction was merged already.</exception>
    public MergedDocument Merge(IReadOnlyDictionary<string, SegmentTarget> targets, Quality.SegmentQualityChecker? quality = null)
    {
        if (_merged)
        {
            throw new InvalidOperationException("an extracted document is merged once");
        }
        _merged = true;
        var restorations = new Dictionary<(string, string), IReadOnlyList<RestoredPart>>();
        var issues = new List<InlineCodeIssue>();
        var merged = new List<MergedSegment>(Segments.Count);
        foreach (var segment in Segments)
        {
            var masked = segment.Masked;
            SegmentTarget? target = null;
            if (!segment.Translatable)
            {
                segment.Span.Result = _masker.Untranslated(masked);
            }
            else if (!targets.TryGetValue(segment.Id, out target))
            {
                segment.Span.Result = new SegmentResult(null, masked.Source, masked.Source);
            }
            else if (target.ModelOutput is { } output)
            {
                var key = (masked.Input + "\n" + output, masked.Shape);
                if (!restorations.TryGetValue(key, out var restored))
                {
                    restored = masked.Restore(PunctuationStyle.Apply(output, TargetLanguage));
                    restorations[key] = restored; // repeats restore alike: do it once
                }
                segment.Span.Result = Result(masked, masked.Parts(restored));
                if (quality is not null && segment.Span.Result.Parts is not null)
                {
                    segment.Span.Result = segment.Span.Result with { Qa = quality.Check(masked.Source, segment.Span.Result.Target) };
                }
            }
            else
            {
                segment.Span.Result = Result(masked, EditedTarget.Restore(segment, target.Parts!, issues));
            }
            merged.Add(new MergedSegment(segment, segment.Span.Result, target));
        }
        return _source switch
        {
            Docx.DocxDocumentRewriter word => new MergedDocument(merged, issues, output => word.Write(Blocks, output)),
            IDocumentRewriter text => new MergedDocument(merged, issues, () => text.Render(Blocks)),
            _ => new MergedDocument(merged, issues, () => string.Join('\n', Blocks.Select(BlockText.Render))),
        };
    }

    private static SegmentResult Result(MaskedSegment masked, IEnumerable<OutputPart> restored)
    {
        var parts = restored.ToList();
        if (!parts.Any(part => part.Kind == OutputKind.Translated && !string.IsNullOrWhiteSpace(part.Text)))
        {
            return new SegmentResult(null, masked.Source, masked.Source); // an empty translation would lose the sentence
        }
        return new SegmentResult(parts, masked.Source, string.Concat(parts.Select(part => part.Text)));
    }
}
