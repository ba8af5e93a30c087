namespace Tarjama.Models;

/// <summary>A translation direction in a model family's own language codes (<c>ar</c>, <c>arb_Arab</c>, <c>__ar__</c>...).</summary>
public sealed record LanguagePair(string Source, string Target);
