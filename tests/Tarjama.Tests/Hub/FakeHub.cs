using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tarjama.Tests.Hub;

/// <summary>One request the fake hub answered.</summary>
internal sealed record FakeRequest(string Method, string Path, string? Range, string? Authorization);

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers like the Hugging Face Hub: <c>/api/models/{repo}/revision/{rev}</c>,
/// <c>/{repo}/resolve/{rev}/{path}</c> with ETag / X-Repo-Commit, LFS files redirected (X-Linked-Etag, X-Linked-Size) to a
/// CDN path on another host name (localhost) that honours Range, and X-Error-Code on refusals. Faults can be injected.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    private const int ChunkSize = 1 << 16;
    private readonly WebApplication app;
    private readonly Dictionary<string, FakeRepo> repos;

    private FakeHub(WebApplication app, IEnumerable<FakeRepo> repos)
    {
        this.app = app;
        this.repos = repos.ToDictionary(r => r.Id);
    }

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Repository paths whose next CDN download is cut off after this many bytes.</summary>
    public ConcurrentDictionary<string, int> DropAfterBytes { get; } = new();

    /// <summary>Repository paths whose CDN bytes are served with one byte flipped.</summary>
    public ConcurrentDictionary<string, bool> Corrupted { get; } = new();

    /// <summary>Repository paths whose next metadata requests are answered 503, this many times.</summary>
    public ConcurrentDictionary<string, int> Unavailable { get; } = new();

    /// <summary>A pause after each 64 kB sent, so that concurrent downloads overlap.</summary>
    public TimeSpan ChunkDelay { get; set; }

    public static async Task<FakeHub> StartAsync(params FakeRepo[] repos)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var hub = new FakeHub(builder.Build(), repos);
        hub.app.Run(hub.HandleAsync);
        await hub.app.StartAsync();
        var address = hub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        hub.Endpoint = new Uri(address);
        return hub;
    }

    public IEnumerable<FakeRequest> CdnDownloads(string path) =>
        Requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/cdn/", StringComparison.Ordinal) && r.Path.EndsWith("/" + path, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(new FakeRequest(request.Method, request.Path.Value!, request.Headers.Range.FirstOrDefault(), request.Headers.Authorization.FirstOrDefault()));
        var parts = request.Path.Value!.TrimStart('/').Split('/');
        switch (parts)
        {
            case ["api", "models", var owner, var name, "revision", var revision]:
                await ModelInfoAsync(context, $"{owner}/{name}", revision);
                break;
            case ["cdn", var owner, var name, .. var path]:
                await ServeBytesAsync(context, repos[$"{owner}/{name}"], string.Join('/', path));
                break;
            case [var owner, var name, "resolve", var revision, .. var path]:
                await ResolveAsync(context, $"{owner}/{name}", revision, string.Join('/', path));
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private async Task ModelInfoAsync(HttpContext context, string repoId, string revision)
    {
        if (Refuse(context, repoId, revision, checkToken: false) is not { } repo)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = repo.Id,
            sha = repo.Commit,
            gated = repo.RequiredToken is null ? (object)false : "manual",
            siblings = repo.Files.Keys.Order().Select(p => new { rfilename = p }),
        }));
    }

    private async Task ResolveAsync(HttpContext context, string repoId, string revision, string path)
    {
        if (Refuse(context, repoId, revision, checkToken: true) is not { } repo)
        {
            return;
        }

        var response = context.Response;
        response.Headers["X-Repo-Commit"] = repo.Commit;
        if (Unavailable.TryGetValue(path, out var left) && left > 0)
        {
            Unavailable[path] = left - 1;
            response.StatusCode = 503;
            return;
        }

        if (!repo.Files.TryGetValue(path, out var bytes))
        {
            Error(response, 404, "EntryNotFound", "Entry not found");
            return;
        }

        if (FakeRepo.IsLfs(path))
        {
            response.StatusCode = 302;
            response.Headers.ETag = $"\"{repo.PointerEtagOf(path)}\"";
            response.Headers["X-Linked-Etag"] = $"\"{repo.EtagOf(path)}\"";
            response.Headers["X-Linked-Size"] = bytes.Length.ToString();
            response.Headers.Location = $"http://localhost:{Endpoint.Port}/cdn/{repo.Id}/{path}?signature=fake";
            return;
        }

        response.Headers.ETag = $"\"{repo.EtagOf(path)}\"";
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes);
        }
    }

    private async Task ServeBytesAsync(HttpContext context, FakeRepo repo, string path)
    {
        var bytes = repo.Files[path];
        if (Corrupted.ContainsKey(path))
        {
            bytes = [.. bytes];
            bytes[^1] ^= 0xFF;
        }

        var response = context.Response;
        var from = context.Request.Headers.Range.FirstOrDefault() is { } range ? int.Parse(range["bytes=".Length..].TrimEnd('-')) : 0;
        response.Headers.ETag = $"\"{repo.EtagOf(path)}\"";
        response.Headers.AcceptRanges = "bytes";
        if (from > 0)
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {from}-{bytes.Length - 1}/{bytes.Length}";
        }

        response.ContentLength = bytes.Length - from;
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return;
        }

        var dropAt = DropAfterBytes.TryRemove(path, out var drop) ? drop : int.MaxValue;
        for (var offset = from; offset < bytes.Length; offset += ChunkSize)
        {
            var end = Math.Min(Math.Min(offset + ChunkSize, bytes.Length), dropAt);
            await response.Body.WriteAsync(bytes.AsMemory(offset, end - offset));
            await response.Body.FlushAsync();
            if (end == dropAt)
            {
                // A response ended short of its Content-Length is closed by Kestrel once the bytes written are sent, so the
                // client gets exactly these bytes, then the cut; context.Abort() drops those not yet sent.
                return;
            }

            await Task.Delay(ChunkDelay);
        }
    }

    /// <summary>The repository when the request may have it; otherwise answers as the Hub does and returns null.</summary>
    private FakeRepo? Refuse(HttpContext context, string repoId, string revision, bool checkToken)
    {
        if (!repos.TryGetValue(repoId, out var repo))
        {
            Error(context.Response, 404, "RepoNotFound", "Repository not found");
            return null;
        }

        if (revision != "main" && revision != repo.Commit)
        {
            Error(context.Response, 404, "RevisionNotFound", "Invalid rev id");
            return null;
        }

        if (checkToken && repo.RequiredToken is { } token && context.Request.Headers.Authorization != $"Bearer {token}")
        {
            Error(context.Response, 401, "GatedRepo", $"Access to model {repo.Id} is restricted. You must have access to it and be authenticated to access it. Please log in.");
            return null;
        }

        return repo;
    }

    private static void Error(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.Headers["X-Error-Code"] = code;
        response.Headers["X-Error-Message"] = message;
    }
}
