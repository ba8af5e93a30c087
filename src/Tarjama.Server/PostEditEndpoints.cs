namespace Tarjama.Server;

/// <summary>POST /tm/entries: an editor's corrected translations, stored in the server's post-edit memory
/// (<c>serve --tm-edits</c>) so the next translation of the same sentence is the edit. Always needs an API key: a
/// post-edit changes what every later caller gets.</summary>
internal sealed class PostEditEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access)
{
    private sealed record Answer(int Stored);

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/tm/entries", (Delegate)Add);

    private async Task<IResult> Add(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        if (!access.UsesKeys)
        {
            throw new ApiError(StatusCodes.Status403Forbidden, "Post-edits need an API key, and this server has none (serve --api-keys FILE)");
        }
        access.CheckKey(context, fields.Text("api_key") ?? throw new ApiError(StatusCodes.Status403Forbidden, "Post-edits need an API key (api_key)"));
        var memory = settings.Memory.Edits ?? throw new ApiError(StatusCodes.Status403Forbidden, "This server stores no post-edits (serve --tm-edits FILE)");
        string source = fields.Text("source_lang") ?? throw ApiError.Missing("source_lang");
        string target = fields.Text("target_lang") ?? throw ApiError.Missing("target_lang");
        var route = pairs.Resolve(source, target, source);
        var sources = fields.All("source");
        var targets = fields.All("target");
        if (sources.Count == 0 || targets.Count == 0)
        {
            throw ApiError.Missing(sources.Count == 0 ? "source" : "target");
        }
        if (sources.Count != targets.Count)
        {
            throw ApiError.BadRequest($"Invalid request: {sources.Count} sources and {targets.Count} targets (one target a source)");
        }
        if (sources.Count > settings.PostEditLimit)
        {
            throw ApiError.BadRequest($"Invalid request: at most {settings.PostEditLimit} pairs a request (got {sources.Count})");
        }
        RequestLimits.Check(settings with { BatchLimit = -1 }, [.. sources, .. targets]);
        if (sources.Concat(targets).Any(string.IsNullOrWhiteSpace))
        {
            throw ApiError.BadRequest("Invalid request: a source or target is empty");
        }
        // A NUL stored as a target would come back in every later translation of its source.
        TextTranslation.RejectNul(sources, "source");
        TextTranslation.RejectNul(targets, "target");
        // SQLite writes block: off the request thread, like document work.
        int stored = await DocumentWork.Run(() => memory.Add(sources.Zip(targets), route.SourceLanguage, route.TargetLanguage), context.RequestAborted);
        return Results.Json(new Answer(stored), ServerJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
