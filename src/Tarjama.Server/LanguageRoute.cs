using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>One direction the server offers: the model's queue that translates it and the pair (ISO codes) its requests
/// carry to the model.</summary>
public sealed record LanguageRoute(BatchingTranslator Queue, string SourceLanguage, string TargetLanguage)
{
    public TranslationOptions Options => new() { SourceLanguage = SourceLanguage, TargetLanguage = TargetLanguage };

    /// <summary>The queue for this pair, charged to <paramref name="budget"/> when given, enforcing <paramref name="glossary"/>
    /// when given.</summary>
    public BatchingTranslator.RequestTranslator Translator(EngineTimeBudget? budget = null, Terminology.TermMatcher? glossary = null) =>
        Queue.For(Options with { Glossary = glossary }, budget);
}
