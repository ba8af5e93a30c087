using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>The translation directions the loaded models offer, each behind its model's batching queue (a multilingual
/// model offers every pair of its languages); the languages and pairs the API lists follow from these.</summary>
public sealed class LanguagePairs : IDisposable
{
    private readonly IReadOnlyList<BatchingTranslator> _translators;

    public LanguagePairs(IReadOnlyList<BatchingTranslator> translators)
    {
        if (translators.Count == 0)
        {
            throw new TarjamaException("the server needs at least one model");
        }
        var routes = translators.SelectMany(t => t.SourceLanguages.SelectMany(source => t.TargetLanguages
            .Where(target => target != source).Select(target => new LanguageRoute(t, source, target)))).ToList();
        var twice = routes.GroupBy(r => (r.SourceLanguage, r.TargetLanguage)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new TarjamaException($"two models translate {twice.Key.SourceLanguage} to {twice.Key.TargetLanguage}: load one per direction");
        }
        _translators = translators;
        Routes = routes;
        Languages = routes.SelectMany(r => new[] { r.SourceLanguage, r.TargetLanguage }).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The loaded models' queues.</summary>
    public IReadOnlyList<BatchingTranslator> All => _translators;

    /// <summary>Every direction offered.</summary>
    public IReadOnlyList<LanguageRoute> Routes { get; }

    /// <summary>Every language code that is a source or a target of some model.</summary>
    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyList<string> TargetsOf(string language) =>
        Routes.Where(r => r.SourceLanguage == language).Select(r => r.TargetLanguage).Order(StringComparer.Ordinal).ToList();

    public LanguageRoute? Find(string source, string target) =>
        Routes.FirstOrDefault(r => r.SourceLanguage == source && r.TargetLanguage == target);

    /// <summary>The translator for a direction, refused as LibreTranslate refuses unknown languages and pairs.</summary>
    /// <param name="asked">The source the client named ("auto" when detected), for the message.</param>
    internal LanguageRoute Resolve(string source, string target, string asked)
    {
        if (!Languages.Contains(source))
        {
            throw ApiError.NotSupported(asked);
        }
        if (!Languages.Contains(target))
        {
            throw ApiError.NotSupported(target);
        }
        return Find(source, target) ?? throw ApiError.BadRequest(
            $"{LanguageNames.Of(target)} ({target}) is not available as a target language from {LanguageNames.Of(source)} ({source})");
    }

    public int QueuedSegments => _translators.Sum(t => t.QueuedSegments);

    /// <summary>Finishes what is queued, then stops the workers.</summary>
    public void Dispose()
    {
        foreach (var translator in _translators)
        {
            translator.Dispose();
        }
    }
}
