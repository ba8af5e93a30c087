using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Tarjama.Server.Tests;

/// <summary>The answers the web server writes before a request reaches the service carry the service's JSON error too.</summary>
public sealed class KestrelErrorBodiesTests
{
    [Theory]
    [InlineData("NOT HTTP AT ALL\r\n\r\n", 400, "Invalid request: malformed HTTP request line or headers")]
    [InlineData("GET /{long} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "Invalid request: the request target is too long")]
    [InlineData("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: {long}{long}{long}{long}\r\n\r\n", 431, "Invalid request: the request headers are too large")]
    [InlineData("GET /health HTTP/1.1\r\nHost: x\r\n", 408, "Request timed out: the headers came too slowly")]
    public async Task Kestrels_own_refusals_have_the_json_error_body(string request, int status, string message)
    {
        await using var server = await RunningServer.Start(new ServerSettings { RequestHeadersTimeout = TimeSpan.FromSeconds(1) }, new EchoTranslator());
        string answer = await Exchange(server, request.Replace("{long}", new string('a', 10_000), StringComparison.Ordinal));
        Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
        string[] parts = answer.Split("\r\n\r\n", 2);
        Assert.Contains("Content-Type: application/json; charset=utf-8", parts[0], StringComparison.Ordinal);
        Assert.Equal(message, JsonDocument.Parse(parts[1]).RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("GET /v2/usage?{long} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "message")]
    [InlineData("POST /v2/translate HTTP/1.1\r\nHost: x\r\nX-Big: {long}{long}{long}{long}\r\n\r\n", 431, "message")]
    [InlineData("GET /apy/translate?{long} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "explanation")]
    [InlineData("GET /translate?{long} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "error")]
    public async Task Kestrels_own_refusals_come_in_the_shape_of_the_api_asked(string request, int status, string field)
    {
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        // After an answer of the service on the same connection, so the first request's path is not taken for the second's.
        string answer = await Exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + request.Replace("{long}", new string('a', 10_000), StringComparison.Ordinal));
        string refusal = answer[answer.IndexOf($"HTTP/1.1 {status} ", StringComparison.Ordinal)..];
        Assert.True(JsonDocument.Parse(refusal.Split("\r\n\r\n", 2)[1]).RootElement.TryGetProperty(field, out _), refusal);
        // A malformed request line after one to /v2 names no API: LibreTranslate's shape.
        string garbage = await Exchange(server, "GET /v2/usage HTTP/1.1\r\nHost: x\r\n\r\nNOT HTTP AT ALL\r\n\r\n");
        Assert.Contains("{\"error\":\"Invalid request: malformed HTTP request line or headers\"}", garbage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_of_the_service_on_the_same_connection_pass_through_unchanged()
    {
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        string answer = await Exchange(server, "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.Contains("\"queuedSegments\":0", answer, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 404 Not Found", answer, StringComparison.Ordinal);
        Assert.Contains("{\"error\":\"Not Found\"}", answer, StringComparison.Ordinal);
    }

    private static async Task<string> Exchange(RunningServer server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        return await RunningServer.ReadUntilClosed(stream, TimeSpan.FromSeconds(30));
    }
}
