using Tarjama.Documents;
using Tarjama.Text;

namespace Tarjama.Memory;

/// <summary>Turns approved (source, target) pairs into memory entries, and finds the key of a segment to look up.</summary>
internal static class MemoryPairs
{
    // Numbers are compared in Western digits, whichever way the memory translates: "٣" in a source pairs with "3" in a target.
    private static readonly SegmentMasker Masker = new(new VerbatimSpans(), new TextNormalizationOptions(), "en");

    /// <summary>The entry for a pair: numbers, URLs and {{...}} that the target has exactly as the source has them become
    /// {1}, {2}... in both; when they do not pair up (a number spelled out), the numbers are part of the key.</summary>
    public static MemoryEntry Entry(string source, string target)
    {
        var maskedSource = Mask(source);
        var maskedTarget = Mask(target);
        var (key, _) = MemoryKey.Of(maskedSource);
        var unused = Enumerable.Range(0, maskedSource.Stands.Count).ToList();
        var template = maskedTarget.Input;
        for (int j = maskedTarget.Stands.Count - 1; j >= 0; j--)
        {
            int match = unused.FindIndex(i => maskedSource.Stands[i].Text == maskedTarget.Stands[j].Text);
            if (match < 0)
            {
                return new MemoryEntry(MemoryKey.Literal(maskedSource.Source), maskedSource.Source, target.Trim(), false);
            }
            template = template.Replace(Placeholders.Token(j), $"{{{unused[match] + 1}}}", StringComparison.Ordinal);
            unused.RemoveAt(match);
        }
        return unused.Count == 0
            ? new MemoryEntry(key, maskedSource.Source, template, true)
            : new MemoryEntry(MemoryKey.Literal(maskedSource.Source), maskedSource.Source, target.Trim(), false);
    }

    /// <summary>The segment's target from an entry: {k} become the segment's own placeholders, so its numbers go in.</summary>
    public static SegmentTarget Target(MemoryEntry entry, IReadOnlyList<int> verbatim, TranslationOrigin origin)
    {
        if (!entry.Masked)
        {
            return SegmentTarget.FromParts([SegmentPart.OfText(entry.Target)]) with { Origin = origin };
        }
        var output = entry.Target;
        for (int k = verbatim.Count; k >= 1; k--)
        {
            output = output.Replace($"{{{k}}}", Placeholders.Token(verbatim[k - 1]), StringComparison.Ordinal);
        }
        return SegmentTarget.FromModel(output) with { Origin = origin };
    }

    /// <summary>The entry's target as written for its own source: {k} become the source's numbers.</summary>
    public static string Written(MemoryEntry entry) => Written(entry, Mask(entry.Source));

    /// <summary>The entry's target for plain text <paramref name="masked"/> with the same key: {k} become its numbers.</summary>
    public static string Written(MemoryEntry entry, MaskedSegment masked)
    {
        if (!entry.Masked)
        {
            return entry.Target;
        }
        var stands = masked.Stands;
        var output = entry.Target;
        for (int k = stands.Count; k >= 1; k--)
        {
            output = output.Replace($"{{{k}}}", stands[k - 1].Text, StringComparison.Ordinal);
        }
        return output;
    }

    public static MaskedSegment Mask(string text) => Masker.Mask([new InlinePiece(PieceKind.Text, text)], [new PiecePart(0, 0, text.Length)]);
}
