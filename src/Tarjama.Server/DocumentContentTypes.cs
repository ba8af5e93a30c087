using Microsoft.AspNetCore.StaticFiles;

namespace Tarjama.Server;

/// <summary>The Content-Type a translated document is served with, by its name: every format but Word is UTF-8 text.</summary>
internal static class DocumentContentTypes
{
    private static readonly FileExtensionContentTypeProvider Known = new();

    public static string Of(string name) =>
        Known.TryGetContentType(name, out var type) ? (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) ? type + "; charset=utf-8" : type) : "text/plain; charset=utf-8";
}
