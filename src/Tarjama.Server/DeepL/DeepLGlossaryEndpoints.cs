using System.Text;
using Tarjama.Terminology;

namespace Tarjama.Server.DeepL;

/// <summary>DeepL API v2's glossaries over the server's glossary store (the one /glossaries and /translate's
/// glossary_id use): create from TSV or CSV entries, list, show, read the entries back as TSV, delete; and the language
/// pairs a glossary may have.</summary>
internal sealed class DeepLGlossaryEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, GlossaryStore store)
{
    private sealed record Info(string GlossaryId, string Name, bool Ready, string SourceLang, string TargetLang, DateTimeOffset CreationTime, int EntryCount);

    private sealed record Pair(string SourceLang, string TargetLang);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v2/glossaries", (Delegate)Create);
        routes.MapGet("/v2/glossaries", async (HttpContext context) =>
        {
            await Allow(context);
            return Results.Json(new { glossaries = store.All.Select(Describe) }, DeepLJson.Options);
        });
        routes.MapGet("/v2/glossaries/{id}", async (HttpContext context, string id) =>
        {
            await Allow(context);
            return Results.Json(Describe(Find(id)), DeepLJson.Options);
        });
        routes.MapGet("/v2/glossaries/{id}/entries", async (HttpContext context, string id) =>
        {
            await Allow(context);
            var entries = Find(id).Terms.Glossary.Entries.Select(e => $"{e.Source}\t{e.Target}\n");
            return Results.Text(string.Concat(entries), "text/tab-separated-values; charset=utf-8", Encoding.UTF8);
        });
        routes.MapDelete("/v2/glossaries/{id}", async (HttpContext context, string id) =>
        {
            await Allow(context);
            return store.Remove(id) ? Results.NoContent() : throw new ApiError(StatusCodes.Status404NotFound, "Glossary not found.");
        });
        routes.MapGet("/v2/glossary-language-pairs", async (HttpContext context) =>
        {
            await Allow(context);
            return Results.Json(new { supported_languages = pairs.Routes.Select(r => new Pair(r.SourceLanguage, r.TargetLanguage)) }, DeepLJson.Options);
        });
    }

    private async Task<IResult> Create(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes);
        DeepLCaller.Check(context, access, fields);
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
        var stored = store.Add(name, route.SourceLanguage, route.TargetLanguage, GlossaryEndpoints.Read(entries, format, route.SourceLanguage, route.TargetLanguage));
        return Results.Json(Describe(stored), DeepLJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private async Task Allow(HttpContext context) =>
        DeepLCaller.Check(context, access, await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes));

    private StoredGlossary Find(string id) => store.Find(id) ?? throw new ApiError(StatusCodes.Status404NotFound, "Glossary not found.");

    private static Info Describe(StoredGlossary g) => new(g.Id, g.Name, true, g.SourceLanguage, g.TargetLanguage, g.Created, g.EntryCount);
}
