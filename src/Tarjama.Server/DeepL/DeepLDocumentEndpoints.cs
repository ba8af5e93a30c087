using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Server.Jobs;
using Tarjama.Terminology;

namespace Tarjama.Server.DeepL;

/// <summary>DeepL API v2's document translation on the server's background jobs: upload (multipart) → id and key;
/// status; result, which is deleted once downloaded. Documents are the formats the file endpoints take; a job is seen
/// only by the caller that uploaded it, with its document key.</summary>
internal sealed class DeepLDocumentEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, SupportedFiles supported, DeepLUsage usage, ServerJobs jobs, GlossaryStore glossaries, MemoryBudget memory)
{
    private static readonly TimeSpan AbortNoticeWait = TimeSpan.FromMilliseconds(250);

    /// <summary>Documents whose result is being sent now.</summary>
    private readonly ConcurrentDictionary<string, byte> _downloading = new();

    private static ApiError NotFound => new(StatusCodes.Status404NotFound, "Document not found.");

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
        if (file.Length == 0)
        {
            throw DeepLRequest.Bad("Value for 'file' is an empty document.");
        }
        string fileName = UploadNames.Of(fields.Text("filename") ?? file.FileName);
        if (!supported.Accepts(fileName))
        {
            throw DeepLRequest.Bad("Value for 'file' not supported: the document formats are " + string.Join(", ", supported.Extensions) + ".");
        }
        if (fields.Text("output_format") is { } format && !string.Equals("." + format.TrimStart('.'), Path.GetExtension(fileName), StringComparison.OrdinalIgnoreCase))
        {
            throw DeepLRequest.Bad("Value for 'output_format' not supported.");
        }
        string target = DeepLLanguages.ToCode(fields.Text("target_lang")) ?? throw DeepLRequest.Bad("Parameter 'target_lang' not specified.");
        memory.CheckFits(SupportedFiles.Footprint(file, fileName, null)); // a job no job worker could hold is refused now, not failed later
        byte[] content;
        using (var copy = new MemoryStream())
        {
            await file.CopyToAsync(copy, context.RequestAborted);
            content = copy.ToArray();
        }
        var text = DocumentSample.Read(content, fileName);
        string source = DeepLLanguages.ToCode(fields.Text("source_lang")) ?? pairs.SourceOfUpload(text.Sample, target);
        var translator = DeepLRequest.Resolve(pairs, source, target);
        var glossary = DeepLRequest.Glossary(fields, glossaries, caller, translator, fields.Text("source_lang") is not null);
        // A submission refused (too many jobs) is not billed.
        var job = await usage.SpendOnAsync(caller, text.Characters, () => Task.FromResult(jobs.Submit(new JobSpec
        {
            Owner = caller,
            Kind = JobKind.Document,
            Name = fileName,
            SourceLanguage = translator.SourceLanguage,
            TargetLanguage = translator.TargetLanguage,
            Model = jobs.ModelName(translator),
            Glossary = ServerJobs.Terms(glossary),
            AccessKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            Characters = text.Characters,
            Memory = fields.Flag("tm") != false,
        }, content)));
        usage.Follow(job, text.Characters);
        return Results.Json(new { document_id = job.Id, document_key = job.Spec.AccessKey }, DeepLJson.Options);
    }

    private async Task<IResult> Status(HttpContext context, string id)
    {
        var job = await Find(context, id);
        return Results.Json(new
        {
            document_id = job.Id,
            status = StatusOf(job),
            seconds_remaining = job.Remaining is { } left ? (long?)Math.Ceiling(left.TotalSeconds) : null,
            billed_characters = job.State == JobState.Done ? job.Spec.Characters : (long?)null,
            error_message = job.State == JobState.Failed ? job.Error : job.State == JobState.Cancelled ? "the document was cancelled" : null,
        }, DeepLJson.Options);
    }

    /// <summary>The translated file, deleted once it has been sent whole: a download the client broke off leaves it
    /// there for the next try. While it is being sent the document is not found, as it will not be after.</summary>
    private async Task Result(HttpContext context, string id)
    {
        var job = await Find(context, id);
        string path = jobs.Runner.ResultPath(job) ?? throw (job.IsFinished
            ? new ApiError(StatusCodes.Status400BadRequest, "Document translation failed: " + (job.Error ?? "the document was cancelled"))
            : new ApiError(StatusCodes.Status503ServiceUnavailable, "Document not ready."));
        if (!_downloading.TryAdd(job.Id, 0))
        {
            throw NotFound;
        }
        try
        {
            await SendOnce(context, job, path);
        }
        finally
        {
            _downloading.TryRemove(job.Id, out _);
        }
    }

    /// <summary>Sends the result, then deletes the document unless the client broke the download off.</summary>
    private async Task SendOnce(HttpContext context, JobInfo job, string path)
    {
        await Results.File(path, DocumentContentTypes.Of(job.Spec.Name), job.Spec.Name).ExecuteAsync(context);
        await context.Response.CompleteAsync();
        if (!await BrokenOff(context))
        {
            jobs.Runner.Delete(job);
        }
    }

    /// <summary>Whether the client went away before the answer it was sent reached it. Kestrel tells a reset connection
    /// a moment after the last write returns (on the thread pool), so a short wait follows an answer that looks complete.</summary>
    private static async Task<bool> BrokenOff(HttpContext context)
    {
        try
        {
            await Task.Delay(AbortNoticeWait, context.RequestAborted);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>DeepL's names for a job's states.</summary>
    private static string StatusOf(JobInfo job) => job.State switch
    {
        JobState.Queued => "queued",
        JobState.Running => "translating",
        JobState.Done => "done",
        _ => "error",
    };

    /// <summary>The caller's job with that id and key; 404 for anything else, so one caller cannot probe another's.</summary>
    private async Task<JobInfo> Find(HttpContext context, string id)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes);
        string caller = DeepLCaller.Check(context, access, fields);
        return jobs.Runner.Find(id, caller) is { Spec.AccessKey: { } secret } job && fields.Text("document_key") is { } key
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(secret), Encoding.ASCII.GetBytes(key))
            && !_downloading.ContainsKey(job.Id)
            ? job
            : throw NotFound;
    }
}
