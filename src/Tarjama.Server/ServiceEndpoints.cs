using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;

namespace Tarjama.Server;

/// <summary>Our additions beside LibreTranslate's API: /health, /metrics, the OpenAPI document and the web page at /,
/// all served from this assembly so the service needs nothing from the network.</summary>
internal sealed class ServiceEndpoints(LanguagePairs pairs, ServerMetrics metrics)
{
    private const string ResourceFolder = "Web/";

    private sealed record Pair(string Source, string Target, string Model);

    private sealed record Health(string Status, IReadOnlyList<Pair> Pairs, int QueuedSegments);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", () => Results.Json(
            new Health("ok", pairs.All.Select((t, i) => new Pair(t.SourceLanguage, t.TargetLanguage, pairs.Names[i])).ToList(), pairs.QueuedSegments), ServerJson.Options));
        routes.MapGet("/metrics", metrics.Export);
        var assembly = typeof(ServiceEndpoints).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourceFolder, StringComparison.Ordinal)))
        {
            string path = resource[ResourceFolder.Length..];
            var result = Resource(assembly, resource);
            routes.MapGet("/" + (path == "index.html" ? "" : path), () => result);
        }
    }

    /// <summary>A page file held in memory, served with its content type.</summary>
    private static IResult Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        string contentType = new FileExtensionContentTypeProvider().TryGetContentType(name, out var type) ? type : "application/octet-stream";
        return Results.Bytes(bytes, contentType + "; charset=utf-8"); // the page's files are all UTF-8 text
    }
}
