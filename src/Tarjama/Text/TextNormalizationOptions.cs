namespace Tarjama.Text;

/// <summary>What <see cref="ArabicNormalizer"/> changes in source text before it reaches the model.</summary>
/// <param name="Enabled">Digits to ASCII, tatweel, presentation forms, invisible controls; on by default.</param>
/// <param name="StripDiacritics">Also remove harakat and Quranic marks; off by default, as they can disambiguate.</param>
public sealed record TextNormalizationOptions(bool Enabled = true, bool StripDiacritics = false);
