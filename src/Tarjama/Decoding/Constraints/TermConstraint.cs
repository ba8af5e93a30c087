namespace Tarjama.Decoding.Constraints;

/// <summary>A term the translation must hold: its target text and the target-tokenizer pieces that spell it.</summary>
public sealed record TermConstraint(string Target, int[] Tokens);

/// <summary>The terms each sentence of a decoder batch must hold, by sentence index; a sentence with none decodes
/// exactly as it would without constraints.</summary>
public sealed class SentenceConstraints(IReadOnlyList<IReadOnlyList<TermConstraint>> bySentence)
{
    /// <summary>The terms of <paramref name="sentence"/>, or null when it has none.</summary>
    public IReadOnlyList<TermConstraint>? Of(int sentence) =>
        sentence < bySentence.Count && bySentence[sentence].Count > 0 ? bySentence[sentence] : null;

    public bool Any => bySentence.Any(terms => terms.Count > 0);
}
