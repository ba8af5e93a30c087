using System.Net.Sockets;
using System.Text;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>DeepL's document result on the tiny real model: it is deleted once downloaded, and only then. Its
/// megabytes-long document runs apart from the other classes, whose timing tests it would otherwise crowd.</summary>
[Collection(nameof(DeepLDocumentDownloadTests))]
public sealed class DeepLDocumentDownloadTests : IAsyncLifetime
{
    private Translator? _model;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        _server = await RunningServer.Start(new ServerSettings { MaxUploadBytes = 16 << 20 }, _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
    }

    [Fact]
    public async Task A_download_the_client_breaks_off_keeps_the_result_for_the_next_try()
    {
        // One line many times: translated once, but the result is megabytes, more than the server's socket buffer holds.
        byte[] document = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("مرحبا بالعالم\n", 400_000)));
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(document), "file", "news.txt" },
            { new StringContent("AR"), "source_lang" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (_, handle) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", upload));
        string id = handle.GetProperty("document_id").GetString()!, key = handle.GetProperty("document_key").GetString()!;
        for (int poll = 0; poll < 600 && await Status(id, key) != "done"; poll++)
        {
            await Task.Delay(100);
        }
        Assert.Equal("done", await Status(id, key));

        await BreakOffDownload(id, key);
        // Not found while the server still sends it; back once the server has seen the reset.
        for (int poll = 0; poll < 50 && await Status(id, key) is null; poll++)
        {
            await Task.Delay(100);
        }
        Assert.Equal("done", await Status(id, key));

        using var whole = await Server.Client.SendAsync(ResultRequest(id, key));
        Assert.Equal(200, (int)whole.StatusCode);
        string translated = await whole.Content.ReadAsStringAsync();
        Assert.Equal(400_000, translated.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Null(await Status(id, key)); // downloaded whole: gone
    }

    /// <summary>Asks for the result on a socket with a small receive buffer (so the server cannot hand it all to the
    /// kernel), reads the start of the answer, and resets the connection.</summary>
    private async Task BreakOffDownload(string id, string key)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(Server.Address.Host, Server.Address.Port);
        string form = $"document_key={key}";
        await socket.SendAsync(Encoding.ASCII.GetBytes($"POST /v2/document/{id}/result HTTP/1.1\r\nHost: {Server.Address.Authority}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {form.Length}\r\n\r\n{form}"));
        byte[] start = new byte[4096];
        int read = await socket.ReceiveAsync(start);
        Assert.StartsWith("HTTP/1.1 200 ", Encoding.ASCII.GetString(start, 0, read));
        socket.LingerState = new LingerOption(true, 0); // close with a reset, as a client that gave up does
        socket.Close();
    }

    private static HttpRequestMessage ResultRequest(string id, string key) => new(HttpMethod.Post, $"/v2/document/{id}/result")
    {
        Content = new FormUrlEncodedContent([KeyValuePair.Create("document_key", key)]),
    };

    /// <summary>The document's status; null once it is not found.</summary>
    private async Task<string?> Status(string id, string key)
    {
        var (status, body) = await RunningServer.Read(await Server.PostForm($"/v2/document/{id}", ("document_key", key)));
        return status == 404 ? null : body.GetProperty("status").GetString();
    }
}

[CollectionDefinition(nameof(DeepLDocumentDownloadTests), DisableParallelization = true)]
public sealed class DeepLDocumentDownloadCollection;
