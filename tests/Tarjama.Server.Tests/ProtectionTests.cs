using System.Net.Sockets;
using System.Text;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>The limits that protect the service: API keys, rate limits, the bounded queue and slow clients.</summary>
public sealed class ProtectionTests : IDisposable
{
    private readonly string _keys = Path.GetTempFileName();

    public ProtectionTests() =>
        File.WriteAllLines(_keys, ["# test keys", ApiKeys.Hash("good-key"), $"{ApiKeys.Hash("limited-key")} 2"]);

    public void Dispose() => File.Delete(_keys);

    private static (string, string)[] Translate(string? key = null) =>
        key is null ? [("q", "x"), ("source", "ar"), ("target", "en")] : [("q", "x"), ("source", "ar"), ("target", "en"), ("api_key", key)];

    [Fact]
    public async Task A_wrong_key_is_403_and_a_missing_one_400_when_keys_are_required()
    {
        await using var server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys, RequireApiKey = true }, new EchoTranslator());
        await RunningServer.AssertError(await server.PostForm("/translate", Translate("bad-key")), 403, "Invalid API key");
        await RunningServer.AssertError(await server.PostJson("/detect", """{"q": "x", "api_key": "bad-key"}"""), 403, "Invalid API key");
        await RunningServer.AssertError(await server.PostForm("/translate", Translate()), 400, "Please contact the server operator to get an API key");
        Assert.Equal(200, (await RunningServer.Read(await server.PostForm("/translate", Translate("good-key")))).Status);
        var (_, settings) = await RunningServer.Read(await server.Client.GetAsync("/frontend/settings"));
        Assert.True(settings.GetProperty("apiKeys").GetBoolean() && settings.GetProperty("keyRequired").GetBoolean());
    }

    [Fact]
    public async Task The_deepl_api_answers_a_missing_key_with_403_as_deepl_does()
    {
        using var model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        await using var server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys, RequireApiKey = true }, model);
        const string missing = "Authorization failed: send a key as Authorization: DeepL-Auth-Key KEY";
        await RunningServer.AssertDeepLError(await server.PostForm("/v2/translate", ("text", "مرحبا"), ("target_lang", "EN-US")), 403, missing);
        await RunningServer.AssertDeepLError(await server.Client.GetAsync("/v2/usage"), 403, missing);
        using var empty = new HttpRequestMessage(HttpMethod.Get, "/v2/languages") { Headers = { { "Authorization", "DeepL-Auth-Key " } } };
        await RunningServer.AssertDeepLError(await server.Client.SendAsync(empty), 403, missing);
        await RunningServer.AssertDeepLError(await server.PostForm("/v2/translate", ("text", "مرحبا"), ("target_lang", "EN-US"), ("auth_key", "bad-key")), 403, "Invalid API key");
        Assert.Equal(200, (await RunningServer.Read(await server.PostForm("/v2/translate", ("text", "مرحبا"), ("target_lang", "EN-US"), ("auth_key", "good-key")))).Status);
    }

    [Fact]
    public async Task Keys_are_optional_unless_required()
    {
        await using var server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys }, new EchoTranslator());
        Assert.Equal(200, (await RunningServer.Read(await server.PostForm("/translate", Translate()))).Status);
        await RunningServer.AssertError(await server.PostForm("/translate", Translate("bad-key")), 403, "Invalid API key");
    }

    [Fact]
    public async Task Each_key_and_each_address_has_its_own_request_limit_answering_429()
    {
        await using var server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys, RequestsPerAddress = 3, RequestsPerKey = 5 }, new EchoTranslator());
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(200, (await RunningServer.Read(await server.PostForm("/translate", Translate("limited-key")))).Status);
        }
        using var limited = await server.PostForm("/translate", Translate("limited-key"));
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await RunningServer.AssertError(limited, 429, "Slowdown: 2 per 1 minute");
        // The address's own allowance is untouched by the key's requests.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await RunningServer.Read(await server.PostForm("/translate", Translate()))).Status);
        }
        await RunningServer.AssertError(await server.PostForm("/translate", Translate()), 429, "Slowdown: 3 per 1 minute");
        Assert.Equal(200, (await RunningServer.Read(await server.PostForm("/translate", Translate("good-key")))).Status);
        Assert.Equal(200, (await RunningServer.Read(await server.Client.GetAsync("/languages"))).Status);
    }

    [Fact]
    public async Task A_keys_file_that_is_not_hashes_is_refused_at_start()
    {
        File.WriteAllText(_keys, "plain-text-key\n");
        var error = await Assert.ThrowsAsync<TarjamaException>(() => RunningServer.Start(new ServerSettings { ApiKeysFile = _keys }, new EchoTranslator()));
        Assert.Contains(":1: expected a SHA-256 hash", error.Message);
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_and_admitted_requests_still_complete()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator { OnBatch = _ => release.Wait(TimeSpan.FromSeconds(30)) };
        var settings = new ServerSettings { Batching = new BatchingOptions { MaxBatchSize = 2, MaxQueuedSegments = 2 } };
        await using var server = await RunningServer.Start(settings, engine);
        var running = server.PostForm("/translate", Translate());
        while (engine.Calls == 0)
        {
            await Task.Delay(5);
        }
        var admitted = server.PostJson("/translate", """{"q": ["a", "b"], "source": "ar", "target": "en"}""");
        await WaitForQueue(server, 2);
        using var refused = await server.PostForm("/translate", Translate());
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        await RunningServer.AssertError(refused, 503, "the translation queue is full (2 of 2 segments waiting); try again shortly");
        release.Set();
        Assert.Equal("<x>", (await RunningServer.Read(await running)).Body.GetProperty("translatedText").GetString());
        Assert.Equal("""["<a>","<b>"]""", (await RunningServer.Read(await admitted)).Body.GetProperty("translatedText").GetRawText());
    }

    [Fact]
    public async Task Slow_clients_are_cut_off_and_the_service_keeps_answering_others()
    {
        var settings = new ServerSettings { RequestHeadersTimeout = TimeSpan.FromSeconds(1), MinBodyBytesPerSecond = 1000 };
        await using var server = await RunningServer.Start(settings, new EchoTranslator());
        using var slowHeaders = new TcpClient();
        await slowHeaders.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = slowHeaders.GetStream();
        await stream.WriteAsync("POST /translate HTTP/1.1\r\nHost: x\r\n"u8.ToArray());
        Assert.Equal(200, (await RunningServer.Read(await server.Client.GetAsync("/health"))).Status);
        string answer = await RunningServer.ReadUntilClosed(stream, TimeSpan.FromSeconds(15));
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);

        using var slowBody = new TcpClient();
        await slowBody.ConnectAsync(server.Address.Host, server.Address.Port);
        var body = slowBody.GetStream();
        await body.WriteAsync("POST /translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"q\": \""u8.ToArray());
        var reply = RunningServer.ReadUntilClosed(body, TimeSpan.FromSeconds(30));
        for (int i = 0; i < 20 && !reply.IsCompleted; i++)
        {
            await Task.Delay(500);
            try
            {
                await body.WriteAsync("a"u8.ToArray());
            }
            catch (IOException)
            {
                break;
            }
        }
        string slowAnswer = await reply;
        Assert.True(slowAnswer.Length == 0 || slowAnswer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), slowAnswer);
        Assert.Equal(200, (await RunningServer.Read(await server.Client.GetAsync("/health"))).Status);
    }

    private static async Task WaitForQueue(RunningServer server, int segments)
    {
        for (int i = 0; i < 2000; i++)
        {
            var (_, health) = await RunningServer.Read(await server.Client.GetAsync("/health"));
            if (health.GetProperty("queuedSegments").GetInt32() == segments)
            {
                return;
            }
            await Task.Delay(5);
        }
        Assert.Fail("the queue never filled");
    }
}
