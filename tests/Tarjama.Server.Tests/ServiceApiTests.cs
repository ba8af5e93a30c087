using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarjama.Server.Tests;

/// <summary>Our additions: /health, /metrics, /openapi.json and the web page.</summary>
public sealed partial class ServiceApiTests(TinyServer tiny) : IClassFixture<TinyServer>
{
    private RunningServer Server => tiny.Server;

    [Fact]
    public async Task Health_lists_the_models_with_their_pairs_and_the_queue()
    {
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync("/health"));
        Assert.Equal(200, status);
        Assert.Equal("""{"status":"ok","pairs":[{"source":"ar","target":"en","model":"model-1"}],"queuedSegments":0}""", body.GetRawText());
    }

    [Fact]
    public async Task Options_asterisk_answers_for_the_server_in_general()
    {
        // Before: 405 with "Allow: GET, HEAD", the methods of the route for "/".
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(Server.Address.Host, Server.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"u8.ToArray());
        string answer = await RunningServer.ReadUntilClosed(stream, TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nAllow: DELETE, GET, HEAD, OPTIONS, POST\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 0\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_with_requests_latency_queue_and_tokens()
    {
        await Server.PostJson("/translate", """{"q": "مرحبا", "source": "ar", "target": "en"}""");
        using var response = await Server.Client.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        string text = await response.Content.ReadAsStringAsync();
        Assert.Matches(@"tarjama_http_requests_total\{endpoint=""/translate"",code=""200""\} \d+", text);
        Assert.Matches(@"tarjama_http_request_duration_seconds_bucket\{endpoint=""/translate"",le=""\+Inf""\} \d+", text);
        Assert.Contains("tarjama_queue_segments{pair=\"ar-en\"} 0", text);
        Assert.Matches(@"tarjama_generated_tokens_total\{pair=""ar-en""\} [1-9]\d*", text);
        Assert.Matches(@"tarjama_tokens_per_second\{pair=""ar-en""\} [\d.E+-]+", text);
        // Every line is a comment or "name{labels} value", as the exposition format has it.
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(ExpositionLine(), line));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route_the_server_maps()
    {
        using var response = await Server.Client.GetAsync("/openapi.json");
        Assert.Equal(200, (int)response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}")).ToHashSet();
        // The page's own script and style are files, not API.
        var mapped = Server.Routes.Where(route => !route.EndsWith(".js", StringComparison.Ordinal) && !route.EndsWith(".css", StringComparison.Ordinal)).ToList();
        Assert.Contains("POST /translate", mapped);
        Assert.Empty(mapped.Except(documented));
    }

    [Fact]
    public async Task The_web_page_and_its_files_are_served_from_the_server_itself()
    {
        using var page = await Server.Client.GetAsync("/");
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        string html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        foreach (Match link in PageLink().Matches(html))
        {
            using var file = await Server.Client.GetAsync(link.Groups[1].Value);
            Assert.Equal(200, (int)file.StatusCode);
            Assert.DoesNotMatch(@"https?://", await file.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/health")]
    [InlineData("/openapi.json")]
    [InlineData("/languages")]
    [InlineData("/frontend/settings")]
    [InlineData("/v2/languages")]
    [InlineData("/v2/glossary-language-pairs")]
    [InlineData("/MTRestService/ListSupportedLanguagePairs")]
    [InlineData("/apy/listPairs")]
    public async Task Head_answers_as_get_does_without_the_body(string path)
    {
        using var get = await Server.Client.GetAsync(path);
        using var head = await Server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(200, (int)get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_is_refused_where_get_is_and_posts_stay_posts()
    {
        using var missing = await Server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/no-such-page"));
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());
        using var postOnly = await Server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/detect"));
        Assert.Equal(405, (int)postOnly.StatusCode);
    }

    [GeneratedRegex(@"^(# (HELP|TYPE) .+|[a-z_]+(\{[a-z_]+=""[^""]*""(,[a-z_]+=""[^""]*"")*\})? \S+)$")]
    private static partial Regex ExpositionLine();

    [GeneratedRegex(@"(?:src|href)=""(/[^""]+)""")]
    private static partial Regex PageLink();
}
