namespace Tarjama.Documents;

/// <summary>How far a document's translation has got.</summary>
/// <param name="Segments">Segments translated (or found in the cache, or with nothing to translate) so far.</param>
/// <param name="Fraction">The share of the document done, 0 to 1; null when it cannot be known (a stream of unknown length).</param>
public sealed record DocumentProgress(long Segments, double? Fraction);
