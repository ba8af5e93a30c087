using Microsoft.AspNetCore.StaticFiles;

namespace Tarjama.Server;

/// <summary>LibreTranslate's file endpoints: /translate_file (multipart upload) answers with a URL to
/// /download_file/NAME, which serves the translation as an attachment named like the upload.</summary>
internal sealed class FileEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, SupportedFiles supported, TranslatedFileStore store)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private sealed record Answer(string TranslatedFileUrl);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/translate_file", (Delegate)TranslateFile);
        routes.MapGet("/download_file/{name}", Download);
    }

    private async Task<IResult> TranslateFile(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxUploadBytes);
        access.Check(context, fields);
        var file = fields.File("file") ?? throw ApiError.Missing("file");
        string source = fields.Text("source") ?? throw ApiError.Missing("source");
        string target = fields.Text("target") ?? throw ApiError.Missing("target");
        if (string.IsNullOrWhiteSpace(file.FileName))
        {
            throw ApiError.BadRequest("Invalid request: empty file");
        }
        if (!supported.Accepts(file.FileName))
        {
            throw ApiError.BadRequest("Invalid request: file format not supported");
        }
        var detected = source == "auto" ? ScriptDetector.Detect([await Head(file)], pairs.Languages)[0].Language : source;
        var translator = pairs.Resolve(detected, target, source);
        string translation = await supported.TranslateAsync(translator, file, context.RequestAborted);
        string name = await store.SaveAsync(file.FileName, translation, context.RequestAborted);
        var request = context.Request;
        return Results.Json(new Answer($"{request.Scheme}://{request.Host}{request.PathBase}/download_file/{name}"), ServerJson.Options);
    }

    private IResult Download(string name)
    {
        var (path, downloadName) = store.Find(name) ?? throw new ApiError(StatusCodes.Status404NotFound, "Invalid filename: no such file, or it has expired");
        string contentType = ContentTypes.TryGetContentType(downloadName, out var type) ? $"{type}; charset=utf-8" : "application/octet-stream";
        return Results.File(path, contentType, downloadName);
    }

    /// <summary>The start of an upload, enough to tell its script.</summary>
    private static async Task<string> Head(IFormFile file)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        var buffer = new char[4096];
        int read = await reader.ReadBlockAsync(buffer);
        return new string(buffer, 0, read);
    }
}
