using Tarjama.Documents.Xliff;
using Tarjama.Documents;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>LibreTranslate's file endpoints: /translate_file (multipart upload) answers with a URL to
/// /download_file/NAME, which serves the translation as an attachment named like the upload; and our /translate_document,
/// which answers with the translated document or its bilingual view directly.</summary>
internal sealed class FileEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, SupportedFiles supported, TranslatedFileStore store, Admission admission, MemoryBudget memory)
{
    private sealed record Answer(string TranslatedFileUrl);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/translate_file", (Delegate)TranslateFile);
        routes.MapGet("/download_file/{name}", Download);
        routes.MapPost("/translate_document", (Delegate)TranslateDocument);
    }

    private async Task<IResult> TranslateFile(HttpContext context)
    {
        var (file, translator, fields) = await ReadUpload(context);
        using var admitted = admission.Enter(translator, SupportedFiles.Footprint(file, null));
        var options = settings.Memory.Options(translator, fields);
        string name = await store.SaveAsync(UploadNames.Of(file), output => SupportedFiles.Translate(admitted.Translator, file, output, options, context.RequestAborted));
        var request = context.Request;
        return Results.Json(new Answer($"{request.Scheme}://{request.Host}{request.PathBase}/download_file/{name}"), ServerJson.Options);
    }

    /// <summary>Our addition: the translated document (or its bilingual view: jsonl, tmx, html, or xliff for a CAT tool,
    /// which <c>tarjama merge</c> writes back) in the answer itself.</summary>
    private async Task<IResult> TranslateDocument(HttpContext context)
    {
        var (file, translator, fields) = await ReadUpload(context);
        var format = fields.Text("format") is { } named ? DocumentFormatField.Named(named) ?? throw ApiError.BadRequest($"{named} format is not supported") : (DocumentFormat?)null;
        var bilingual = fields.Text("bilingual") switch
        {
            null => (BilingualFormat?)null,
            "jsonl" => BilingualFormat.Jsonl,
            "tmx" => BilingualFormat.Tmx,
            "html" => BilingualFormat.Html,
            "xliff" => BilingualFormat.Xliff,
            var other => throw ApiError.BadRequest($"Invalid request: bilingual must be jsonl, tmx, html or xliff (got {other})"),
        };
        var xliffVersion = fields.Text("xliff_version") is { } version
            ? XliffVersionNames.Parse(version) ?? throw ApiError.BadRequest($"Invalid request: xliff_version must be 1.2 or 2.1 (got {version})")
            : XliffVersion.V21;
        using var admitted = admission.Enter(translator, SupportedFiles.Footprint(file, format));
        var options = settings.Memory.Options(translator, fields, new DocumentTranslationOptions { Format = format, Bilingual = bilingual, XliffVersion = xliffVersion });
        var output = await store.WriteScratchAsync(answer => SupportedFiles.Translate(admitted.Translator, file, answer, options, context.RequestAborted));
        string uploaded = UploadNames.Of(file);
        string name = bilingual switch
        {
            null => TranslatedNames.Document(uploaded, translator.SourceLanguage, translator.TargetLanguage),
            BilingualFormat.Xliff => TranslatedNames.Bilingual(uploaded, translator.SourceLanguage, translator.TargetLanguage, "xlf"),
            var kind => TranslatedNames.Bilingual(uploaded, translator.SourceLanguage, translator.TargetLanguage, kind.Value.ToString().ToLowerInvariant()),
        };
        string contentType = bilingual switch
        {
            BilingualFormat.Jsonl => "application/x-ndjson; charset=utf-8",
            BilingualFormat.Tmx => "application/x-tmx+xml; charset=utf-8",
            BilingualFormat.Xliff => "application/xliff+xml; charset=utf-8",
            _ => DocumentContentTypes.Of(name),
        };
        return Results.Stream(output, contentType, name);
    }

    /// <summary>The upload and the translator for it, after the checks both file endpoints make, in LibreTranslate's order.</summary>
    private async Task<(IFormFile File, LanguageRoute Translator, RequestFields Fields)> ReadUpload(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxUploadBytes);
        access.Check(context, fields);
        var file = fields.File("file") ?? throw ApiError.Missing("file");
        string source = fields.Text("source") ?? throw ApiError.Missing("source");
        string target = fields.Text("target") ?? throw ApiError.Missing("target");
        // LibreTranslate's words for a file without a name; a file without content is as empty.
        if (string.IsNullOrWhiteSpace(file.FileName) || file.Length == 0)
        {
            throw ApiError.BadRequest("Invalid request: empty file");
        }
        if (!supported.Accepts(file.FileName))
        {
            throw ApiError.BadRequest("Invalid request: file format not supported");
        }
        var detected = source == "auto" ? pairs.SourceOfUpload(await Head(file), target) : source;
        return (file, pairs.Resolve(detected, target, source, fields.Text("model")), fields);
    }

    private IResult Download(string name)
    {
        var (path, downloadName) = store.Find(name) ?? throw new ApiError(StatusCodes.Status404NotFound, "Invalid filename: no such file, or it has expired");
        return Results.File(path, DocumentContentTypes.Of(downloadName), downloadName);
    }

    /// <summary>The start of an upload, enough to tell its script, without its tags (an HTML page's head of Latin tag
    /// names and attributes would outweigh its Arabic text); an upload that is not text is refused here, as
    /// translating it would refuse it, before its language is guessed from bytes. A Word document's head is ZIP data:
    /// its paragraphs tell instead, as for jobs, read once its unpacked size is known to fit the memory budget.</summary>
    private async Task<string> Head(IFormFile file)
    {
        var head = new byte[4096];
        int read;
        await using (var input = file.OpenReadStream())
        {
            read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        }
        string name = UploadNames.Of(file);
        if (DocumentFormatDetector.Detect(name, head.AsSpan(0, read)) != DocumentFormat.Docx)
        {
            return DocumentSample.WithoutTags(DocumentSample.TextHead(head.AsSpan(0, read), name));
        }
        memory.CheckFits(SupportedFiles.Footprint(file, null));
        var content = new byte[file.Length];
        await using (var input = file.OpenReadStream())
        {
            await input.ReadExactlyAsync(content);
        }
        return DocumentSample.Read(content, name).Sample;
    }
}
