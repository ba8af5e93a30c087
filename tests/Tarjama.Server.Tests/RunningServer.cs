using System.Net.Sockets;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>A real server on a free loopback port, with an HTTP client pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly TarjamaServer _server;

    private RunningServer(TarjamaServer server)
    {
        _server = server;
        Client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }
    public Uri Address => _server.Address;
    public IReadOnlyList<string> Routes => _server.Routes;

    /// <summary>A server over queues made by the caller (named models, say).</summary>
    public static async Task<RunningServer> Start(ServerSettings settings, IReadOnlyList<BatchingTranslator> queues) =>
        new(await TarjamaServer.StartAsync(settings with { Port = 0 }, queues));

    public static async Task<RunningServer> Start(ServerSettings settings, params ISegmentTranslator[] translators) =>
        new(await TarjamaServer.StartAsync(settings with { Port = 0 }, translators.Select(t => t is Translator marian
            ? BatchingTranslator.For(marian, settings.Batching)
            : BatchingTranslator.For(t, settings.Batching)).ToList()));

    public Task<HttpResponseMessage> PostJson(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostForm(string path, params (string Name, string Value)[] fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public Task<HttpResponseMessage> PostBytes(string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Client.PostAsync(path, content);
    }

    /// <summary>A form posted as DeepL's clients post it, with a key in DeepL's Authorization header; the answer read.</summary>
    public async Task<(int Status, JsonElement Body)> PostDeepL(string path, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("DeepL-Auth-Key", "any-key:fx");
        return await Read(await Client.SendAsync(request));
    }

    /// <summary>Asserts a DeepL-shaped error: the status and exactly <c>{"message": message}</c>.</summary>
    public static async Task AssertDeepLError(HttpResponseMessage response, int status, string message)
    {
        var (code, body) = await Read(response);
        Assert.Equal((status, message), (code, body.GetProperty("message").GetString()));
        Assert.Single(body.EnumerateObject());
    }

    /// <summary>The answer's status and JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> Read(HttpResponseMessage response)
    {
        using (response)
        {
            string text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    /// <summary>Asserts a LibreTranslate-shaped error: the status and exactly <c>{"error": message}</c>.</summary>
    public static async Task AssertError(HttpResponseMessage response, int status, string message)
    {
        var (code, body) = await Read(response);
        Assert.Equal((status, message), (code, body.GetProperty("error").GetString()));
        Assert.Single(body.EnumerateObject());
    }

    /// <summary>Everything the server sends on a raw connection until it closes it (or the limit passes).</summary>
    public static async Task<string> ReadUntilClosed(NetworkStream stream, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset connection is a closed one.
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
