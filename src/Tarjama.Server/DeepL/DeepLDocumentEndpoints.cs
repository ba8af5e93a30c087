using Tarjama.Terminology;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace Tarjama.Server.DeepL;

/// <summary>DeepL API v2's document translation: upload (multipart) → id and key; status; result, which is deleted once
/// downloaded. Documents are the formats the file endpoints take.</summary>
internal sealed class DeepLDocumentEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, SupportedFiles supported, DeepLUsage usage, DeepLDocumentJobs jobs, GlossaryStore glossaries)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v2/document", (Delegate)Upload);
        routes.MapPost("/v2/document/{id}", (Delegate)Status);
        routes.MapPost("/v2/document/{id}/result", (Delegate)Result);
    }

    private async Task<IResult> Upload(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxUploadBytes);
        string caller = DeepLCaller.Check(context, access, fields);
        var file = fields.File("file") ?? throw DeepLRequest.Bad("Parameter 'file' not specified.");
        string fileName = fields.Text("filename") ?? file.FileName;
        if (!supported.Accepts(fileName))
        {
            throw DeepLRequest.Bad("Value for 'file' not supported: the document formats are " + string.Join(", ", supported.Extensions) + ".");
        }
        if (fields.Text("output_format") is { } format && !string.Equals("." + format.TrimStart('.'), Path.GetExtension(fileName), StringComparison.OrdinalIgnoreCase))
        {
            throw DeepLRequest.Bad("Value for 'output_format' not supported.");
        }
        string target = DeepLLanguages.ToCode(fields.Text("target_lang")) ?? throw DeepLRequest.Bad("Parameter 'target_lang' not specified.");
        byte[] content;
        using (var copy = new MemoryStream())
        {
            await file.CopyToAsync(copy, context.RequestAborted);
            content = copy.ToArray();
        }
        string text = Encoding.UTF8.GetString(content);
        string source = DeepLLanguages.ToCode(fields.Text("source_lang")) ?? ScriptDetector.Detect([ScriptDetector.WithoutTags(text)], pairs.Languages)[0].Language;
        var translator = DeepLRequest.Resolve(pairs, source, target);
        var glossary = DeepLRequest.Glossary(fields, glossaries, translator, fields.Text("source_lang") is not null);
        usage.Spend(caller, text.Length);
        var job = jobs.Start(caller, content, fileName, translator.Translator(glossary: glossary), text.Length);
        return Results.Json(new { document_id = job.Id, document_key = job.Key }, DeepLJson.Options);
    }

    private async Task<IResult> Status(HttpContext context, string id)
    {
        var job = await Find(context, id);
        return Results.Json(new
        {
            document_id = job.Id,
            status = job.Status,
            billed_characters = job.Status == "done" ? job.Characters : (long?)null,
            error_message = job.Error,
        }, DeepLJson.Options);
    }

    private async Task<IResult> Result(HttpContext context, string id)
    {
        var job = await Find(context, id);
        if (job.Status != "done")
        {
            throw job.Status == "error"
                ? new ApiError(StatusCodes.Status400BadRequest, "Document translation failed: " + job.Error)
                : new ApiError(StatusCodes.Status503ServiceUnavailable, "Document not ready.");
        }
        byte[] bytes = await File.ReadAllBytesAsync(job.ResultPath, context.RequestAborted);
        jobs.Remove(job);
        string contentType = ContentTypes.TryGetContentType(job.FileName, out var type) ? type : "text/plain";
        return Results.File(bytes, contentType + "; charset=utf-8", job.FileName);
    }

    private async Task<DeepLDocumentJob> Find(HttpContext context, string id)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes);
        string caller = DeepLCaller.Check(context, access, fields);
        return jobs.Find(id, fields.Text("document_key"), caller);
    }
}
