using Tarjama.Decoding;
using Tarjama.Terminology;

namespace Tarjama.Translation;

/// <summary>What one call asks for: the language pair (ISO 639-1/639-3 or the model's own codes; null: the model's
/// default) and decoding overrides on top of the model's <c>generation_config.json</c> and the load-time ones.</summary>
public sealed record TranslationOptions
{
    public string? SourceLanguage { get; init; }
    public string? TargetLanguage { get; init; }
    public GenerationOverrides Generation { get; init; } = new();

    /// <summary>A glossary whose terms, found in each text, are enforced in its translation; null for none.</summary>
    public TermMatcher? Glossary { get; init; }
}

/// <summary>One text to translate with the options of its call; texts with different options share engine batches
/// where the search settings allow.</summary>
public sealed record TranslationItem(string Text, TranslationOptions Options)
{
    /// <summary>Glossary terms found in the text: their targets are enforced in its translation.</summary>
    public IReadOnlyList<TermMatch> Terms { get; init; } = [];
}

/// <summary>One hypothesis of the n-best list.</summary>
public sealed record TranslationHypothesis(string Translation, int[] TokenIds, double? Score);
