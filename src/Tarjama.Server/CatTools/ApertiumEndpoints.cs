using Tarjama.Documents;
using Tarjama.Text;

namespace Tarjama.Server.CatTools;

/// <summary>Apertium APy's /translate and /listPairs under /apy, as OmegaT's Apertium connector calls a custom server
/// (<c>/translate?q=…&amp;langpair=ar|en&amp;markUnknown=no&amp;key=…</c>), with APy's answers and error shape.</summary>
internal sealed class ApertiumEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, Admission admission)
{
    public const string Prefix = "/apy";

    private sealed record Answer(object ResponseData, string? ResponseDetails, int ResponseStatus);

    private sealed record Translated(string TranslatedText);

    private sealed record Pair(string SourceLanguage, string TargetLanguage);

    /// <summary>APy's error body: its status code and reason phrase, and what went wrong.</summary>
    internal sealed record Failure(string Status, int Code, string Message, string Explanation)
    {
        public static Failure Of(int status, string explanation) =>
            new("error", status, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), explanation);
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods($"{Prefix}/listPairs", ["GET", "POST"], (Delegate)ListPairs);
        routes.MapMethods($"{Prefix}/translate", ["GET", "POST"], (Delegate)Translate);
    }

    private Task<IResult> ListPairs(HttpContext context) => Answering(context, fields => Task.FromResult<object>(
        pairs.Routes.Select(r => new Pair(LanguageCodes.ThreeLetter(r.SourceLanguage), LanguageCodes.ThreeLetter(r.TargetLanguage))).ToList()));

    private Task<IResult> Translate(HttpContext context) => Answering(context, async fields =>
    {
        string text = fields.Text("q") ?? throw ApiError.Missing("q");
        string[] pair = (fields.Text("langpair") ?? throw ApiError.Missing("langpair")).Split('|');
        if (pair.Length != 2)
        {
            throw ApiError.BadRequest("langpair must be SOURCE|TARGET");
        }
        RequestLimits.Check(settings, [text]);
        string source = CatToolLanguages.Resolve(pairs, pair[0]), target = CatToolLanguages.Resolve(pairs, pair[1]);
        var translator = pairs.Resolve(source, target, pair[0]);
        using var admitted = admission.Enter(translator, DocumentSize.OfTexts([text], DocumentFormat.Text));
        return new Translated((await TextTranslation.TranslateAsync(admitted.Translator, [text], DocumentFormat.Text, context.RequestAborted, settings.Memory.Options(translator, fields)))[0]);
    });

    /// <summary>Checks the key, runs <paramref name="answer"/>, and wraps what it gives as APy does (the error edge writes
    /// refusals in APy's shape).</summary>
    private async Task<IResult> Answering(HttpContext context, Func<RequestFields, Task<object>> answer)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxBodyBytes);
        access.CheckKey(context, fields.Text("key"));
        return Results.Json(new Answer(await answer(fields), null, StatusCodes.Status200OK), ServerJson.Options);
    }
}
