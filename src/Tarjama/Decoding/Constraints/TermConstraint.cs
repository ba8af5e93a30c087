namespace Tarjama.Decoding.Constraints;

/// <summary>A term the translation must hold: its target text and the target-tokenizer pieces that spell it.</summary>
public sealed record TermConstraint(string Target, int[] Tokens);
