using Tarjama.Decoding.Constraints;
using Tarjama.Models;

namespace Tarjama.Terminology;

/// <summary>The terms each model input must hold, from the terms matched in its source text.</summary>
internal static class TermInputs
{
    /// <summary>The constraints of each chunk of <paramref name="source"/> (cut into <paramref name="chunks"/> of piece
    /// ids when over-long): each distinct target once, in the chunk whose text holds its match (the first when the cut
    /// went through it); terms that cannot be spelled, or that would leave the model under half the output length, are
    /// left out.</summary>
    public static List<TermConstraint>[] For(string source, IReadOnlyList<TermMatch> matches, IReadOnlyList<IReadOnlyList<int>> chunks,
        ModelFamily family, TermTargetEncoder encoder, int maxLength)
    {
        var constraints = chunks.Select(_ => new List<TermConstraint>()).ToArray();
        var budgets = chunks.Select(_ => (maxLength - 2) / 2).ToArray();
        var texts = chunks.Count == 1 ? [] : chunks.Select(chunk => family.Decode(chunk.ToArray())).ToArray();
        foreach (var match in matches.DistinctBy(m => m.Entry.Target))
        {
            string surface = match.Range.Of(source);
            int chunk = Math.Max(0, Array.FindIndex(texts, text => text.Contains(surface, StringComparison.Ordinal)));
            if (encoder.Encode(match.Entry.Target) is { } constraint && constraint.Tokens.Length <= budgets[chunk])
            {
                constraints[chunk].Add(constraint);
                budgets[chunk] -= constraint.Tokens.Length;
            }
        }
        return constraints;
    }
}
