using Tarjama.Terminology;

namespace Tarjama.Server.DeepL;

/// <summary>DeepL API v2's glossaries over the server's glossary store (the one /glossaries and /translate's
/// glossary_id use): create from TSV or CSV entries, list, show, read the entries back as TSV, delete; and the language
/// pairs a glossary may have.</summary>
internal sealed class DeepLGlossaryEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, GlossaryStore store)
{
    private sealed record Pair(string SourceLang, string TargetLang);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v2/glossaries", (Delegate)Create);
        GlossaryRoutes.Map(routes, "/v2/glossaries", store, Allow, DeepLJson.Options, _ => new ApiError(StatusCodes.Status404NotFound, "Glossary not found."));
        routes.MapGet("/v2/glossary-language-pairs", async (HttpContext context) =>
        {
            await Allow(context);
            return Results.Json(new { supported_languages = pairs.Routes.Select(r => new Pair(r.SourceLanguage, r.TargetLanguage)) }, DeepLJson.Options);
        });
    }

    private async Task<IResult> Create(HttpContext context)
    {
        // A glossary is bounded by the server's body limit, as on /glossaries, not by DeepL's 128 KiB for texts: DeepL
        // takes glossaries of up to 10 MiB, so its clients send thousands of entries in one request.
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        string owner = DeepLCaller.Check(context, access, fields);
        string name = fields.Text("name") ?? throw DeepLRequest.Bad("Parameter 'name' not specified.");
        string source = DeepLLanguages.ToCode(fields.Text("source_lang")) ?? throw DeepLRequest.Bad("Parameter 'source_lang' not specified.");
        string target = DeepLLanguages.ToCode(fields.Text("target_lang")) ?? throw DeepLRequest.Bad("Parameter 'target_lang' not specified.");
        string entries = fields.Text("entries") ?? throw DeepLRequest.Bad("Parameter 'entries' not specified.");
        string format = fields.Text("entries_format") ?? "tsv";
        if (format is not ("tsv" or "csv"))
        {
            throw DeepLRequest.Bad("Value for 'entries_format' not supported.");
        }
        var route = DeepLRequest.Resolve(pairs, source, target);
        var stored = store.Add(owner, name, route.SourceLanguage, route.TargetLanguage, GlossaryEndpoints.Read(entries, format, route.SourceLanguage, route.TargetLanguage));
        return Results.Json(GlossaryRoutes.Info.Of(stored), DeepLJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private async Task<string> Allow(HttpContext context) =>
        DeepLCaller.Check(context, access, await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes));
}
