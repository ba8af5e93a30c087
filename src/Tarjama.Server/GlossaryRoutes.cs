using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tarjama.Terminology;

namespace Tarjama.Server;

/// <summary>The routes both glossary APIs share over the one store (ours under /glossaries, DeepL's under
/// /v2/glossaries): list, show, entries as TSV, delete. They differ only in how a caller is let in, how JSON is written
/// and how a missing glossary is told.</summary>
internal static class GlossaryRoutes
{
    /// <summary>A stored glossary as both APIs describe it, with DeepL's field names.</summary>
    public sealed record Info(
        [property: JsonPropertyName("glossary_id")] string GlossaryId, string Name, bool Ready,
        [property: JsonPropertyName("source_lang")] string SourceLang, [property: JsonPropertyName("target_lang")] string TargetLang,
        [property: JsonPropertyName("creation_time")] string CreationTime, [property: JsonPropertyName("entry_count")] int EntryCount)
    {
        // DeepL's own form, milliseconds in UTC: DeepL's Python client reads it with strptime's %S.%f%z, which before
        // version 1.29 failed on .NET's seven fractional digits and on a time without any.
        private const string DeepLTime = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public static Info Of(StoredGlossary g) => new(g.Id, g.Name, true, g.SourceLanguage, g.TargetLanguage,
            g.Created.UtcDateTime.ToString(DeepLTime, System.Globalization.CultureInfo.InvariantCulture), g.EntryCount);
    }

    /// <param name="allow">Lets the caller in and tells who it is: each sees only its own glossaries.</param>
    public static void Map(IEndpointRouteBuilder routes, string prefix, GlossaryStore store, Func<HttpContext, Task<string>> allow, JsonSerializerOptions json, Func<string, ApiError> notFound)
    {
        StoredGlossary Find(string id, string owner) => store.Find(id, owner) ?? throw notFound(id);
        // Block bodies: an expression-bodied async lambda would bind as a RequestDelegate and drop its result.
        routes.MapGet(prefix, async (HttpContext context) =>
        {
            string owner = await allow(context);
            return Results.Json(new { glossaries = store.All(owner).Select(Info.Of) }, json);
        });
        routes.MapGet($"{prefix}/{{id}}", async (HttpContext context, string id) =>
        {
            string owner = await allow(context);
            return Results.Json(Info.Of(Find(id, owner)), json);
        });
        routes.MapGet($"{prefix}/{{id}}/entries", async (HttpContext context, string id) =>
        {
            string owner = await allow(context);
            var entries = Find(id, owner).Terms.Glossary.Entries.Select(e => $"{e.Source}\t{e.Target}\n");
            return Results.Text(string.Concat(entries), "text/tab-separated-values; charset=utf-8", Encoding.UTF8);
        });
        routes.MapDelete($"{prefix}/{{id}}", async (HttpContext context, string id) =>
        {
            string owner = await allow(context);
            return store.Remove(id, owner) ? Results.NoContent() : throw notFound(id);
        });
    }
}
