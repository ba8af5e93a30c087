using Tarjama.Documents;

namespace Tarjama.Server.CatTools;

/// <summary>OPUS-CAT MT Engine's REST service, as its OmegaT, Trados and memoQ plugins call it: translations by GET
/// with query parameters, answered as JSON with a <c>translation</c> field, and the list of language pairs.</summary>
internal sealed class OpusCatEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, Admission admission)
{
    private const string Prefix = "/MTRestService";

    private sealed record Answer(string Translation);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{Prefix}/ListSupportedLanguagePairs", (Delegate)ListPairs);
        routes.MapGet($"{Prefix}/TranslateJson", (Delegate)TranslateJson);
        routes.MapGet($"{Prefix}/Translate", (Delegate)TranslateText);
        routes.MapPost($"{Prefix}/TranslatePost", (Delegate)TranslateJson); // Wordfast's connector posts the same fields
    }

    private IResult ListPairs(HttpContext context)
    {
        access.CheckKey(context, null);
        return Results.Json(pairs.Routes.Select(r => $"{r.SourceLanguage}-{r.TargetLanguage}"), ServerJson.Options);
    }

    private async Task<IResult> TranslateJson(HttpContext context) => Results.Json(new Answer(await Translate(context)), ServerJson.Options);

    /// <summary>The plain Translate call answers a bare JSON string.</summary>
    private async Task<IResult> TranslateText(HttpContext context) => Results.Json(await Translate(context), ServerJson.Options);

    private async Task<string> Translate(HttpContext context)
    {
        access.CheckKey(context, null);
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        string input = fields.Text("input") ?? "";
        string source = CatToolLanguages.Resolve(pairs, fields.Text("srcLangCode") ?? throw ApiError.Missing("srcLangCode"));
        string target = CatToolLanguages.Resolve(pairs, fields.Text("trgLangCode") ?? throw ApiError.Missing("trgLangCode"));
        RequestLimits.Check(settings, [input]);
        var translator = pairs.Resolve(source, target, source);
        if (input.Length == 0)
        {
            return "";
        }
        using var admitted = admission.Enter(translator, DocumentSize.OfTexts([input], DocumentFormat.Text));
        return (await TextTranslation.TranslateAsync(admitted.Translator, [input], DocumentFormat.Text, context.RequestAborted, settings.Memory.Options(translator, fields)))[0];
    }
}
