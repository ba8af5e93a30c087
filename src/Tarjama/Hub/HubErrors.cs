using System.Net;

namespace Tarjama.Hub;

/// <summary>Turns a refused Hub request into a message that says what to do, using the Hub's X-Error-Code when it sends one.</summary>
internal static class HubErrors
{
    public static TarjamaException For(HttpResponseMessage response, HubSettings settings, RepoId repo, string revision, string? file)
    {
        var status = (int)response.StatusCode;
        var hasToken = settings.Token is not null;
        var page = $"{settings.Endpoint.AbsoluteUri.TrimEnd('/')}/{repo}";
        var notFound = $"repository {repo} was not found on {settings.Endpoint.Authority} (check the name; a private repository also needs HF_TOKEN)";
        var noFile = $"{repo} has no file {file} at revision '{revision}'";
        var message = Header(response, "X-Error-Code") switch
        {
            "GatedRepo" when hasToken => $"{repo} is gated and the token in HF_TOKEN has no access to it: accept its conditions at {page} with that account",
            "GatedRepo" => $"{repo} is gated: accept its conditions at {page}, then set HF_TOKEN to an access token of that account",
            "RevisionNotFound" => $"{repo} has no revision '{revision}'",
            "EntryNotFound" => noFile,
            "RepoNotFound" => notFound,
            _ => response.StatusCode switch
            {
                HttpStatusCode.Unauthorized when hasToken => $"the Hub refused the token in HF_TOKEN for {repo} (401); check that it is valid",
                HttpStatusCode.Unauthorized or HttpStatusCode.NotFound when file is null => notFound,
                HttpStatusCode.NotFound => noFile,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    $"access to {repo} was refused ({status}); a private or gated repository needs HF_TOKEN with access to it",
                _ => $"the Hub answered {status} {response.ReasonPhrase} for {repo}{(file is null ? "" : $" {file}")}",
            },
        };
        return new TarjamaException(Header(response, "X-Error-Message") is { } detail ? $"{message} (the Hub says: {detail})" : message);
    }

    public static TarjamaException NotAHub(Uri address, string what) =>
        new($"{address} did not answer like a Hugging Face Hub ({what}); check HF_ENDPOINT");

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
