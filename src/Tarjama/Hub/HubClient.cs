using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarjama.Hub;

/// <summary>What a revision of a repository is: its commit and the paths of its files.</summary>
internal sealed record RevisionInfo(string Commit, IReadOnlySet<string> Files);

/// <summary>A file as the Hub describes it: its etag (the hash that names its blob), size, and where its bytes are.</summary>
internal sealed record RemoteFile(string Path, string Etag, long Size, Uri DownloadAddress);

/// <summary>The two questions asked of the Hub before downloading, answered the way huggingface_hub reads them.</summary>
internal sealed class HubClient(HubHttp http)
{
    /// <summary>The commit a revision points at and its file list, from <c>/api/models/{repo}/revision/{revision}</c>.</summary>
    public Task<RevisionInfo> GetRevisionAsync(RepoId repo, string revision, CancellationToken cancellationToken)
    {
        var address = http.Address($"api/models/{repo}/revision/{Uri.EscapeDataString(revision)}");
        return http.WithRetriesAsync(
            async () =>
            {
                using var response = await http.SendAsync(HttpMethod.Get, address, followAbsoluteRedirects: false, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw HubErrors.For(response, http.Settings, repo, revision, file: null);
                }

                ModelInfoJson? info;
                try
                {
                    info = await response.Content.ReadFromJsonAsync<ModelInfoJson>(cancellationToken);
                }
                catch (JsonException)
                {
                    info = null;
                }

                return info is { Sha: { } commit, Siblings: { } siblings } && RepoCacheFolder.IsCommitHash(commit)
                    ? new RevisionInfo(commit, siblings.Select(s => s.Path).ToHashSet(StringComparer.Ordinal))
                    : throw HubErrors.NotAHub(address, "no commit hash and file list");
            },
            cancellationToken);
    }

    /// <summary>
    /// A HEAD request on <c>{endpoint}/{repo}/resolve/{commit}/{path}</c>: large files answer with a redirect to the CDN and
    /// X-Linked-Etag / X-Linked-Size describing the real bytes; small ones answer directly with ETag and Content-Length.
    /// </summary>
    public Task<RemoteFile> GetFileAsync(RepoId repo, string commit, string path, CancellationToken cancellationToken)
    {
        var address = http.Address($"{repo}/resolve/{commit}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}");
        return http.WithRetriesAsync(
            async () =>
            {
                using var response = await http.SendAsync(HttpMethod.Head, address, followAbsoluteRedirects: false, cancellationToken);
                var redirect = response.Headers.Location;
                if (!response.IsSuccessStatusCode && redirect is null)
                {
                    throw HubErrors.For(response, http.Settings, repo, commit, path);
                }

                var etag = NormalizeEtag(HubErrors.Header(response, "X-Linked-Etag") ?? HubErrors.Header(response, "ETag"));
                var size = long.TryParse(HubErrors.Header(response, "X-Linked-Size"), out var linkedSize)
                    ? linkedSize
                    : response.Content.Headers.ContentLength;
                if (etag is null || size is null || HubErrors.Header(response, "X-Repo-Commit") is null)
                {
                    throw HubErrors.NotAHub(address, "no ETag, size or X-Repo-Commit");
                }

                var requested = response.RequestMessage?.RequestUri ?? address;
                return new RemoteFile(path, etag, size.Value, redirect is null ? requested : new Uri(requested, redirect));
            },
            cancellationToken);
    }

    // The HTTP forms are W/"value" and "value"; the cache names blobs by the bare value, so it must be a plain file name.
    private static string? NormalizeEtag(string? etag) =>
        (etag?.StartsWith("W/", StringComparison.Ordinal) == true ? etag[2..] : etag)?.Trim('"') is { Length: > 0 } bare
        && bare.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? bare
            : null;

    private sealed record ModelInfoJson(
        [property: JsonPropertyName("sha")] string? Sha,
        [property: JsonPropertyName("siblings")] IReadOnlyList<SiblingJson>? Siblings);

    private sealed record SiblingJson([property: JsonPropertyName("rfilename")] string Path);
}
