using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>LibreTranslate's text endpoints: /translate, /detect, /languages and /frontend/settings, with its parameter
/// names, answers and error messages.</summary>
internal sealed class TranslateEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, SupportedFiles files, Admission admission, GlossaryEndpoints glossaries)
{
    private sealed record Answer(object TranslatedText, object? DetectedLanguage, object? Alternatives, object? Qa);

    private sealed record Language(string Code, string Name, IReadOnlyList<string> Targets);

    private sealed record NamedLanguage(string Code, string Name);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/translate", (Delegate)Translate);
        routes.MapGet("/translate", (Delegate)Translate); // some plugins send LibreTranslate's fields as a query string
        routes.MapPost("/detect", (Delegate)Detect);
        routes.MapGet("/languages", () => Results.Json(
            pairs.Languages.Select(code => new Language(code, LanguageNames.Of(code), pairs.TargetsOf(code))), ServerJson.Options));
        routes.MapGet("/frontend/settings", FrontendSettings);
    }

    private async Task<IResult> Translate(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        string caller = access.Check(context, fields);
        var (texts, batch) = fields.Texts("q") ?? throw ApiError.Missing("q");
        string source = fields.Text("source") ?? throw ApiError.Missing("source");
        string target = fields.Text("target") ?? throw ApiError.Missing("target");
        int alternatives = fields.Number("alternatives", 0);
        if (alternatives < 0)
        {
            throw ApiError.BadRequest($"Invalid request: alternatives parameter must be between 0 and {settings.AlternativesLimit} (got {alternatives})");
        }
        if (alternatives > settings.AlternativesLimit)
        {
            // LibreTranslate's own words for this one.
            throw ApiError.BadRequest($"Invalid request: alternatives parameter must be <= {settings.AlternativesLimit}");
        }
        RequestLimits.Check(settings, texts);
        // HTML is told by its text, not its tag names and attributes (read here, refused below if unknown: LibreTranslate
        // checks the languages first).
        var detected = source == "auto"
            ? ScriptDetector.Detect(fields.Text("format") == "html" ? texts.Select(DocumentSample.WithoutTags) : texts, pairs.Languages)[0]
            : null;
        var translator = pairs.Resolve(detected?.Language ?? source, target, source, fields.Text("model"));
        var format = (fields.Text("format") ?? "text") switch
        {
            "text" => DocumentFormat.Text,
            "html" => DocumentFormat.Html,
            var other => throw ApiError.BadRequest($"{other} format is not supported"),
        };
        var terms = glossaries.TermsFor(fields, translator, caller);
        using var admitted = admission.Enter(translator, DocumentSize.OfTexts(texts, format), terms);
        var options = settings.Memory.Options(translator, fields);
        var answered = alternatives > 0
            ? await TextTranslation.WithAlternativesAsync(admitted.Translator, texts, format, alternatives, context.RequestAborted, options)
            : [.. (await TextTranslation.TranslateAsync(admitted.Translator, texts, format, context.RequestAborted, options)).Select(t => (t, (IReadOnlyList<string>)[]))];
        // Quality findings are an extra field LibreTranslate clients ignore: given when asked for, or with a glossary.
        var qa = fields.Flag("qa") == true || terms is not null
            ? texts.Select((text, i) => new Quality.SegmentQualityChecker(translator.SourceLanguage, translator.TargetLanguage, terms).Check(text, answered[i].Translation)).ToList()
            : null;
        var answer = batch
            ? new Answer(answered.Select(a => a.Translation).ToList(), detected is null ? null : texts.Select(_ => detected).ToList(), alternatives > 0 ? answered.Select(a => a.Alternatives).ToList() : null, qa)
            : new Answer(answered[0].Translation, detected, alternatives > 0 ? answered[0].Alternatives : null, qa?[0]);
        return Results.Json(answer, ServerJson.Options);
    }

    private async Task<IResult> Detect(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        access.Check(context, fields);
        var (texts, _) = fields.Texts("q") ?? throw ApiError.Missing("q");
        RequestLimits.Check(settings, texts);
        return Results.Json(ScriptDetector.Detect(texts, pairs.Languages), ServerJson.Options);
    }

    private IResult FrontendSettings()
    {
        var first = pairs.All[0];
        return Results.Json(new
        {
            charLimit = settings.CharLimit,
            frontendTimeout = settings.FrontendTimeoutMs,
            apiKeys = access.UsesKeys,
            keyRequired = settings.RequireApiKey,
            suggestions = false,
            filesTranslation = true,
            supportedFilesFormat = files.Extensions,
            language = new
            {
                source = new NamedLanguage(first.SourceLanguage, LanguageNames.Of(first.SourceLanguage)),
                target = new NamedLanguage(first.TargetLanguage, LanguageNames.Of(first.TargetLanguage)),
            },
        }, ServerJson.Options);
    }
}
