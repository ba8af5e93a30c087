using Tarjama.Terminology;

namespace Tarjama.Server;

/// <summary>Named glossaries kept on the server for /translate's <c>glossary_id</c>: create, list, show, read back,
/// delete; the answers name fields as DeepL's glossary API does.</summary>
internal sealed class GlossaryEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, GlossaryStore store)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/glossaries", (Delegate)Create);
        GlossaryRoutes.Map(routes, "/glossaries", store, Allow, ServerJson.Options, NotFound);
    }

    /// <summary>The terms a /translate request asks for: its inline <c>glossary</c> entries, else the stored glossary
    /// its <c>glossary_id</c> names (one of the caller's), else the server-wide glossary of the pair; null for none.</summary>
    public TermMatcher? TermsFor(RequestFields fields, LanguageRoute translator, string caller)
    {
        if (fields.Text("glossary") is { } inline)
        {
            return new TermMatcher(Read(inline, fields.Text("glossary_format"), translator.SourceLanguage, translator.TargetLanguage));
        }
        if (fields.Text("glossary_id") is { } id)
        {
            var stored = store.Find(id, caller) ?? throw NotFound(id);
            if (!Text.LanguageCodes.Same(stored.SourceLanguage, translator.SourceLanguage) || !Text.LanguageCodes.Same(stored.TargetLanguage, translator.TargetLanguage))
            {
                throw ApiError.BadRequest($"glossary {id} is for {stored.SourceLanguage}-{stored.TargetLanguage}, not {translator.SourceLanguage}-{translator.TargetLanguage}");
            }
            return stored.Terms;
        }
        return settings.Glossaries.GetValueOrDefault($"{translator.SourceLanguage}-{translator.TargetLanguage}") is { } glossary ? new TermMatcher(glossary) : null;
    }

    private async Task<IResult> Create(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        string owner = access.Check(context, fields);
        string name = fields.Text("name") ?? throw ApiError.Missing("name");
        string source = fields.Text("source_lang") ?? throw ApiError.Missing("source_lang");
        string target = fields.Text("target_lang") ?? throw ApiError.Missing("target_lang");
        string entries = fields.Text("entries") ?? throw ApiError.Missing("entries");
        var pair = pairs.Find(source, target) ?? throw ApiError.BadRequest($"{source}-{target} is not a served language pair");
        var stored = store.Add(owner, name, pair.SourceLanguage, pair.TargetLanguage, Read(entries, fields.Text("entries_format"), pair.SourceLanguage, pair.TargetLanguage));
        return Results.Json(GlossaryRoutes.Info.Of(stored), ServerJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>A glossary sent in a request, in TSV (the default), CSV or TBX: read in the format named, whatever its
    /// content looks like, so errors name that format.</summary>
    internal static Glossary Read(string entries, string? format, string source, string target)
    {
        format ??= "tsv";
        var named = format switch
        {
            "tsv" => GlossaryFormat.Tsv,
            "csv" => GlossaryFormat.Csv,
            "tbx" => GlossaryFormat.Tbx,
            _ => throw ApiError.BadRequest($"{format} glossary format is not supported (tsv, csv or tbx)"),
        };
        TextTranslation.RejectNul([entries], "glossary"); // a NUL in a target term would be written into translations
        return Glossary.Create(source, GlossaryReader.Parse(entries, $"glossary.{format}", source, target, named));
    }

    private async Task<string> Allow(HttpContext context) => access.Check(context, await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes));

    private static ApiError NotFound(string id) => new(StatusCodes.Status404NotFound, $"glossary {id} not found");
}
