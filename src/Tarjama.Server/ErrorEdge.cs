using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Tarjama.Server.CatTools;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>The service's error edge: every refusal and failure is answered in the error shape of the API asked, with a
/// 4xx or 5xx status, never a stack trace; errors the user caused are 4xx.</summary>
internal sealed class ErrorEdge(RequestDelegate next, ILogger<ErrorEdge> log, ServerSettings settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var error = Classify(e);
            if (error.Status >= 500 && error.Status != StatusCodes.Status503ServiceUnavailable)
            {
                log.LogError(e, "request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
            await Write(context, error);
        }
    }

    private ApiError Classify(Exception e) => e switch
    {
        ApiError api => api,
        TranslationQueueFullException full => new ApiError(StatusCodes.Status503ServiceUnavailable, full.Message)
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        TarjamaException user when user is not StoreException => ApiError.BadRequest(user.Message), // a store failing is the server's
        BadHttpRequestException bad => new ApiError(bad.StatusCode, bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Request body too large",
            StatusCodes.Status408RequestTimeout => "Request timed out: the body came too slowly",
            _ => $"Invalid request: {bad.Message}",
        }),
        JsonException => ApiError.BadRequest("Invalid JSON format"),
        InvalidDataException or FormatException or DecoderFallbackException => ApiError.BadRequest($"Invalid request: {e.Message}"),
        _ => new ApiError(StatusCodes.Status500InternalServerError, "Internal error: the request could not be completed"),
    };

    public static Task Write(HttpContext context, ApiError error)
    {
        context.Response.Clear();
        context.Response.StatusCode = error.Status;
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }
        return WriteBody(context, error.Message);
    }

    /// <summary>Status codes the pipeline sets without a body (404, 405) get the same JSON shape.</summary>
    public static Task WriteStatus(HttpContext context) => WriteBody(context, ReasonPhrases.GetReasonPhrase(context.Response.StatusCode));

    /// <summary>Each API's own error shape: DeepL's <c>{"message": ...}</c> under /v2, Apertium APy's under /apy (so its
    /// clients read every refusal, a broken body or a full queue too), LibreTranslate's <c>{"error": ...}</c> elsewhere.</summary>
    private static Task WriteBody(HttpContext context, string message)
    {
        object body = Body(context.Request.Path, context.Response.StatusCode, message);
        return context.Response.WriteAsJsonAsync(body, body.GetType(), ServerJson.Options);
    }

    /// <summary>The error body for a request to <paramref name="path"/>, in the shape of the API it belongs to.</summary>
    public static object Body(PathString path, int status, string message) =>
        path.StartsWithSegments("/v2") ? new DeepLErrorBody(message)
            : path.StartsWithSegments(ApertiumEndpoints.Prefix) ? ApertiumEndpoints.Failure.Of(status, message)
            : new ErrorBody(message);

    private sealed record ErrorBody(string Error);

    private sealed record DeepLErrorBody(string Message);
}
