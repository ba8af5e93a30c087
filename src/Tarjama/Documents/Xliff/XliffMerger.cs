namespace Tarjama.Documents.Xliff;

/// <summary>Merge for XLIFF: the original document inside an edited XLIFF file, extracted again, with each unit's
/// target in place of its segment; units without a target keep their source.</summary>
public static class XliffMerger
{
    /// <summary>The merged document; <see cref="MergedDocument.Issues"/> lists inline codes the editor moved, dropped or
    /// duplicated, and <paramref name="problems"/> units that match no segment of the original.</summary>
    public static MergedDocument Merge(XliffFile xliff, out IReadOnlyList<string> problems, DocumentTranslationOptions? options = null)
    {
        var document = xliff.Format == DocumentFormat.Docx
            ? DocumentExtractor.ExtractWord(new MemoryStream(xliff.WordPackage(), writable: false), xliff.OriginalName, xliff.SourceLanguage, xliff.TargetLanguage, options)
            : DocumentExtractor.Extract(xliff.Original, xliff.Format, xliff.SourceLanguage, xliff.TargetLanguage, options);
        var segments = document.Segments.ToDictionary(segment => segment.Id);
        var targets = new Dictionary<string, SegmentTarget>();
        var unknown = new List<string>();
        foreach (var (id, target) in xliff.Targets)
        {
            if (!segments.TryGetValue(id, out var segment))
            {
                unknown.Add($"unit {id} is not a segment of the original document; left out");
            }
            else if (target is not null)
            {
                targets[id] = SegmentTarget.FromParts(XliffInline.Read(target, XliffNames.Pairs(segment.Codes)));
            }
        }
        problems = unknown;
        return document.Merge(targets);
    }
}
