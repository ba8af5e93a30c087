using System.Text;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Merges an editor's target (text and inline codes) into its segment: each code problem is reported, then the
/// markup is placed as machine output's is, so the document's structure is the source's whatever the editor did.</summary>
internal static class EditedTarget
{
    private const char BracketStandIn = '\uE001'; // a literal "[3]" in the editor's text is text, not a placeholder

    public static IEnumerable<OutputPart> Restore(ExtractedSegment segment, IReadOnlyList<SegmentPart> target, List<InlineCodeIssue> issues)
    {
        issues.AddRange(Check(segment, target));
        var kinds = segment.Codes.Select(code => code.Kind switch
        {
            InlineCodeKind.Open => PlaceholderKind.Open,
            InlineCodeKind.Close => PlaceholderKind.Close,
            _ => PlaceholderKind.Atomic,
        }).ToList();
        var masked = segment.Masked;
        var placeholders = segment.CodePieces.Select(piece => Enumerable.Range(0, masked.Stands.Count)
            .First(i => masked.Stands[i].Kind == OutputKind.Piece && masked.Stands[i].Piece == piece)).ToList();
        var restored = Placeholders.Restore(Tokens(segment.SourceParts, kinds.Count), Tokens(target, kinds.Count), kinds, [.. placeholders.Select(i => masked.Spacing[i])]);
        return restored.Select(part => part.Text is { } text
            ? new OutputPart(OutputKind.Translated, text.Replace(BracketStandIn, '['))
            : masked.Stands[placeholders[part.Placeholder]]);
    }

    /// <summary>Codes dropped, duplicated, unknown, and those out of the source's order, each once.</summary>
    public static IEnumerable<InlineCodeIssue> Check(ExtractedSegment segment, IReadOnlyList<SegmentPart> target)
    {
        var used = target.Where(part => part.Text is null).Select(part => part.Code).ToList();
        var known = used.Where(id => id >= 1 && id <= segment.Codes.Count).ToList();
        foreach (int id in used.Except(known).Distinct())
        {
            yield return new InlineCodeIssue(segment.Id, id, InlineCodeProblem.Unknown);
        }
        var firsts = known.Distinct().ToList();
        var inSourceOrder = firsts.Order().ToList();
        foreach (var code in segment.Codes)
        {
            int count = known.Count(id => id == code.Id);
            if (count == 0)
            {
                yield return new InlineCodeIssue(segment.Id, code.Id, InlineCodeProblem.Dropped);
            }
            else if (count > 1)
            {
                yield return new InlineCodeIssue(segment.Id, code.Id, InlineCodeProblem.Duplicated);
            }
            if (count > 0 && firsts.IndexOf(code.Id) != inSourceOrder.IndexOf(code.Id))
            {
                yield return new InlineCodeIssue(segment.Id, code.Id, InlineCodeProblem.Moved);
            }
        }
    }

    private static string Tokens(IReadOnlyList<SegmentPart> parts, int codes)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Text is { } words)
            {
                text.Append(words.Replace('[', BracketStandIn));
            }
            else if (part.Code >= 1 && part.Code <= codes)
            {
                text.Append(Placeholders.Token(part.Code - 1));
            }
        }
        return text.ToString();
    }
}
