using System.Text;
using System.Text.Json;
using Tarjama.Documents;
using Tarjama.Jobs;

namespace Tarjama.Server.Jobs;

/// <summary>Background jobs over HTTP: submit a document (multipart) or a batch of texts (JSON) → a job id; its status
/// with progress and time left; its result; cancel; delete; list. A job is seen only with the API key (or, without
/// keys, from the address) that submitted it: to anyone else it does not exist (404).</summary>
internal sealed class JobEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, SupportedFiles supported, GlossaryEndpoints glossaries, ServerJobs jobs, MemoryBudget memory)
{
    /// <summary>Most texts in one job.</summary>
    public const int MaxTexts = 100_000;

    /// <summary>Jobs in one answer of <c>GET /jobs</c> unless its <c>limit</c> says otherwise, and the most it may say:
    /// finished jobs stay for the retention time, so a busy caller can have many.</summary>
    private const int DefaultListed = 100, MaxListed = 1000;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/jobs", (Delegate)Submit);
        routes.MapGet("/jobs", (Delegate)List);
        routes.MapGet("/jobs/{id}", (Delegate)Status);
        routes.MapGet("/jobs/{id}/result", (Delegate)Result);
        routes.MapPost("/jobs/{id}/cancel", (Delegate)Cancel);
        routes.MapDelete("/jobs/{id}", (Delegate)Delete);
    }

    private async Task<IResult> Submit(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxUploadBytes);
        string owner = access.CheckKey(context, fields.Text("api_key"));
        string source = fields.Text("source") ?? throw ApiError.Missing("source");
        string target = fields.Text("target") ?? throw ApiError.Missing("target");
        var file = fields.File("file");
        var texts = file is null ? fields.Texts("q") : null;
        if (file is null && texts is null)
        {
            throw ApiError.BadRequest("Invalid request: a job needs a file (multipart) or q (texts)");
        }
        byte[] input = file is null ? JsonSerializer.SerializeToUtf8Bytes(texts!.Value.Texts) : await Read(file, context.RequestAborted);
        if (file is not null && (string.IsNullOrWhiteSpace(file.FileName) || !supported.Accepts(file.FileName)))
        {
            throw ApiError.BadRequest($"Invalid request: file format not supported (the formats are {string.Join(", ", supported.Extensions)})");
        }
        if (texts is { Texts.Count: > MaxTexts })
        {
            throw ApiError.BadRequest($"Invalid request: at most {MaxTexts} texts in one job (got {texts.Value.Texts.Count})");
        }
        if (file is not null)
        {
            memory.CheckFits(SupportedFiles.Footprint(file, null)); // a job no job worker could hold is refused now, not failed later
        }
        if (texts is { Texts: var sent })
        {
            TextTranslation.RejectNul(sent);
        }
        var readAs = Format(fields.Text("format"), file is null);
        string? name = file is null ? null : UploadNames.Of(file);
        var document = name is null ? null : DocumentSample.Read(input, name);
        // Every text tells, as on /translate (the first alone may be a number or a name in the other script), by its
        // words and not its tags; a document as the file endpoints tell it.
        string detected = source != "auto" ? source
            : document is not null ? pairs.SourceOfUpload(document.Sample, target)
            : ScriptDetector.Detect(readAs == DocumentFormat.Html ? [.. texts!.Value.Texts.Select(DocumentSample.WithoutTags)] : texts!.Value.Texts, pairs.Languages)[0].Language;
        var route = jobs.Route(fields.Text("model"), detected, target, source);
        var spec = new JobSpec
        {
            Owner = owner,
            Kind = file is null ? JobKind.Texts : JobKind.Document,
            Name = name ?? "texts",
            SourceLanguage = route.SourceLanguage,
            TargetLanguage = route.TargetLanguage,
            Model = jobs.ModelName(route),
            Format = readAs,
            Glossary = ServerJobs.Terms(glossaries.TermsFor(fields, route, owner)),
            Memory = fields.Flag("tm") != false,
            Characters = document?.Characters ?? texts!.Value.Texts.Sum(text => DocumentSample.CountCharacters(text, readAs ?? DocumentFormat.Text)),
        };
        var job = jobs.Submit(spec, input);
        return Results.Json(JobAnswer.Of(job, settings.Jobs.Retention), ServerJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private async Task<IResult> List(HttpContext context)
    {
        var (owner, fields) = await Caller(context);
        int limit = fields.Number("limit", DefaultListed), offset = fields.Number("offset", 0);
        if (limit is < 1 or > MaxListed)
        {
            throw ApiError.BadRequest($"Invalid request: limit must be from 1 to {MaxListed} (got {limit})");
        }
        if (offset < 0)
        {
            throw ApiError.BadRequest($"Invalid request: offset must be 0 or more (got {offset})");
        }
        var (listed, total) = jobs.Runner.List(owner, offset, limit);
        return Results.Json(new { jobs = listed.Select(job => JobAnswer.Of(job, settings.Jobs.Retention)), total }, ServerJson.Options);
    }

    private async Task<IResult> Status(HttpContext context, string id) =>
        Results.Json(JobAnswer.Of(await Find(context, id), settings.Jobs.Retention), ServerJson.Options);

    private async Task<IResult> Result(HttpContext context, string id)
    {
        var job = await Find(context, id);
        string path = jobs.Runner.ResultPath(job) ?? throw new ApiError(StatusCodes.Status409Conflict, job.State switch
        {
            JobState.Failed => $"job {id} failed: {job.Error}",
            JobState.Cancelled => $"job {id} was cancelled: it has no result",
            _ => $"job {id} is not finished ({job.Done} of {job.Total} segments done)",
        });
        if (job.Spec.Kind == JobKind.Texts)
        {
            return Results.File(path, "application/json; charset=utf-8");
        }
        return Results.File(path, DocumentContentTypes.Of(job.Spec.Name), job.Spec.Name);
    }

    private async Task<IResult> Cancel(HttpContext context, string id)
    {
        var job = await Find(context, id);
        if (job.IsFinished)
        {
            throw new ApiError(StatusCodes.Status409Conflict, $"job {id} is {job.State.ToString().ToLowerInvariant()} already");
        }
        return Results.Json(JobAnswer.Of(jobs.Runner.Cancel(job), settings.Jobs.Retention), ServerJson.Options);
    }

    private async Task<IResult> Delete(HttpContext context, string id)
    {
        jobs.Runner.Delete(await Find(context, id));
        return Results.NoContent();
    }

    /// <summary>Who is asking (by API key, or address without keys), and the request's fields.</summary>
    private async Task<(string Owner, RequestFields Fields)> Caller(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        return (access.CheckKey(context, fields.Text("api_key")), fields);
    }

    private async Task<JobInfo> Find(HttpContext context, string id) =>
        jobs.Runner.Find(id, (await Caller(context)).Owner) ?? throw new ApiError(StatusCodes.Status404NotFound, $"job {id} not found");

    /// <summary>How the input is read: texts as plain text (the default) or HTML; a document by its name and content
    /// unless a format is named.</summary>
    private static DocumentFormat? Format(string? format, bool texts) => format switch
    {
        null => texts ? DocumentFormat.Text : null,
        "text" or "html" => DocumentFormatField.Named(format),
        _ when !texts && DocumentFormatField.Named(format) is { } named => named, // a document as /translate_document reads it
        var other => throw ApiError.BadRequest($"{other} format is not supported ({(texts ? "text or html" : DocumentFormatField.Names)})"),
    };

    private static async Task<byte[]> Read(IFormFile file, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, cancellationToken);
        return copy.Length > 0 ? copy.ToArray() : throw ApiError.BadRequest("Invalid request: empty file");
    }
}

