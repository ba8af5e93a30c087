using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>The translation directions the loaded models offer, each behind its model's batching queue (a multilingual
/// model offers every pair of its languages); the languages and pairs the API lists follow from these. Where several
/// models offer a pair, the first one given serves it unless a request names another (<c>model</c>).</summary>
public sealed class LanguagePairs : IDisposable
{
    private readonly IReadOnlyList<BatchingTranslator> _translators;
    private readonly IReadOnlyList<LanguageRoute> _everyRoute;
    private readonly List<string> _names;

    public LanguagePairs(IReadOnlyList<BatchingTranslator> translators)
    {
        if (translators.Count == 0)
        {
            throw new TarjamaException("the server needs at least one model");
        }
        _names = [.. translators.Select((t, i) => t.Name ?? $"model-{i + 1}")];
        if (_names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TarjamaException($"two models are named '{twice.Key}': requests could not choose between them");
        }
        _everyRoute = translators.SelectMany(t => t.SourceLanguages.SelectMany(source => t.TargetLanguages
            .Where(target => target != source).Select(target => new LanguageRoute(t, source, target)))).ToList();
        _translators = translators;
        Routes = _everyRoute.DistinctBy(r => (r.SourceLanguage, r.TargetLanguage)).ToList();
        Languages = Routes.SelectMany(r => new[] { r.SourceLanguage, r.TargetLanguage }).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The loaded models' queues.</summary>
    public IReadOnlyList<BatchingTranslator> All => _translators;

    /// <summary>The models' names, in the order of <see cref="All"/>.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Every direction offered, once, by the model that serves it by default.</summary>
    public IReadOnlyList<LanguageRoute> Routes { get; }

    /// <summary>Every language code that is a source or a target of some model.</summary>
    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyList<string> TargetsOf(string language) =>
        Routes.Where(r => r.SourceLanguage == language).Select(r => r.TargetLanguage).Order(StringComparer.Ordinal).ToList();

    /// <summary>The language of an uploaded document whose source is "auto", told by its <paramref name="sample"/>'s
    /// script; when it has no letters to tell by (figures, a blank file, a Word package that cannot be read), the source
    /// of a pair into <paramref name="target"/>: nothing in it is in a language, and a file that cannot be read says so
    /// when it is read, where a guess of English would refuse it as English into English.</summary>
    public string SourceOfUpload(string sample, string target)
    {
        var detected = ScriptDetector.Detect([sample], Languages)[0];
        return detected.Confidence == 0 && Routes.FirstOrDefault(r => r.TargetLanguage == target) is { } into ? into.SourceLanguage : detected.Language;
    }

    public LanguageRoute? Find(string source, string target) =>
        Routes.FirstOrDefault(r => r.SourceLanguage == source && r.TargetLanguage == target);

    /// <summary>The translator for a direction, refused as LibreTranslate refuses unknown languages and pairs; a
    /// request that names a <paramref name="model"/> gets that model's route, or a 400 saying why not.</summary>
    /// <param name="asked">The source the client named ("auto" when detected), for the message.</param>
    internal LanguageRoute Resolve(string source, string target, string asked, string? model = null)
    {
        if (!Languages.Contains(source))
        {
            throw ApiError.NotSupported(asked);
        }
        if (!Languages.Contains(target))
        {
            throw ApiError.NotSupported(target);
        }
        if (model is not null)
        {
            int index = _names.IndexOf(model);
            if (index < 0)
            {
                throw ApiError.BadRequest($"no model named '{model}' is loaded (loaded: {string.Join(", ", Names)})");
            }
            return _everyRoute.FirstOrDefault(r => r.Queue == _translators[index] && r.SourceLanguage == source && r.TargetLanguage == target)
                ?? throw ApiError.BadRequest($"model '{model}' does not translate {LanguageNames.Of(source)} ({source}) to {LanguageNames.Of(target)} ({target})");
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
