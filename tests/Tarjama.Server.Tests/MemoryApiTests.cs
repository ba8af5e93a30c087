using System.Text;
using System.Text.Json;
using Tarjama.Memory;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>The server-wide translation memory on the real engine: exact matches replace the model on every translation
/// path (numbers substituted), <c>tm: false</c> turns it off for a request, bilingual answers carry the origin, and
/// post-edits sent to /tm/entries (with an API key) are what the next translation of the sentence gives.</summary>
public sealed class MemoryApiTests : IAsyncLifetime
{
    private const string Stored = "قتل ٣ أشخاص في القصف.";
    private const string Asked = "قتل ٥ أشخاص في القصف.";
    private const string Answer = "5 people were killed in the shelling.";
    private const string Key = "editor-key";

    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-memory-api-").FullName;
    private Translator? _model;
    private TranslationMemory? _memory;
    private TranslationMemory? _edits;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 24 } });
        _memory = TranslationMemory.InMemory("desk");
        _memory.Add([(Stored, "3 people were killed in the shelling.")], "ar", "en");
        _edits = TranslationMemory.Open(Path.Combine(_folder, "edits.tm"), create: true);
        string keys = Path.Combine(_folder, "keys");
        File.WriteAllLines(keys, [ApiKeys.Hash(Key)]);
        _server = await RunningServer.Start(new ServerSettings { ApiKeysFile = keys, Memory = new ServerMemory([(null, _memory)], _edits, 0.75), PostEditLimit = 3 }, _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
        _memory!.Dispose();
        _edits!.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> Translate(object request)
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(request)));
        Assert.Equal(200, status);
        return body.GetProperty("translatedText").GetString()!;
    }

    private async Task<string> Download(MultipartFormDataContent upload)
    {
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
        return await Server.Client.GetStringAsync(new Uri(body.GetProperty("translatedFileUrl").GetString()!));
    }

    private static MultipartFormDataContent Upload(string text, string name, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };
        foreach (var (field, value) in fields)
        {
            content.Add(new StringContent(value), field);
        }
        return content;
    }

    [Fact]
    public async Task Exact_matches_replace_the_model_on_every_translation_path()
    {
        Assert.Equal(Answer, await Translate(new { q = Asked, source = "ar", target = "en" }));
        Assert.Equal($"<p>{Answer}</p>", await Translate(new { q = $"<p>{Asked}</p>", source = "ar", target = "en", format = "html" }));
        var (_, alternatives) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = Asked, source = "ar", target = "en", alternatives = 2 })));
        Assert.Equal(Answer, alternatives.GetProperty("translatedText").GetString());
        Assert.Equal(0, alternatives.GetProperty("alternatives").GetArrayLength()); // every version is the memory's
        using (var file = Upload($"{Asked}\n", "news.txt", ("source", "ar"), ("target", "en")))
        {
            Assert.Equal($"{Answer}\n", await Download(file));
        }
        var (_, deepL) = await RunningServer.Read(await Server.PostForm("/v2/translate", ("auth_key", Key), ("text", Asked), ("source_lang", "AR"), ("target_lang", "EN-US")));
        Assert.Equal(Answer, deepL.GetProperty("translations")[0].GetProperty("text").GetString());
        var (_, opusCat) = await RunningServer.Read(await Server.Client.GetAsync($"/MTRestService/TranslateJson?input={Uri.EscapeDataString(Asked)}&srcLangCode=AR&trgLangCode=EN&tokenCode=0"));
        Assert.Equal(Answer, opusCat.GetProperty("translation").GetString());
        var (_, apertium) = await RunningServer.Read(await Server.Client.GetAsync($"/apy/translate?q={Uri.EscapeDataString(Asked)}&langpair=ar|en"));
        Assert.Equal(Answer, apertium.GetProperty("responseData").GetProperty("translatedText").GetString());
        Assert.Equal($"<p>{Answer}</p>\n", await DeepLDocument($"<p>{Asked}</p>\n"));
    }

    private async Task<string> DeepLDocument(string html)
    {
        using var upload = Upload(html, "news.html", ("auth_key", Key), ("target_lang", "EN-US"), ("source_lang", "AR"));
        var (_, ids) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", upload));
        string id = ids.GetProperty("document_id").GetString()!, key = ids.GetProperty("document_key").GetString()!;
        var (_, state) = await RunningServer.Read(await Server.PostForm($"/v2/document/{id}", ("auth_key", Key), ("document_key", key)));
        for (int poll = 0; poll < 600 && state.GetProperty("status").GetString() is "queued" or "translating"; poll++)
        {
            await Task.Delay(100);
            (_, state) = await RunningServer.Read(await Server.PostForm($"/v2/document/{id}", ("auth_key", Key), ("document_key", key)));
        }
        Assert.Equal("done", state.GetProperty("status").GetString());
        return await (await Server.PostForm($"/v2/document/{id}/result", ("auth_key", Key), ("document_key", key))).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Tm_false_asks_the_model_instead()
    {
        string machine = await Translate(new { q = Asked, source = "ar", target = "en", tm = false });
        Assert.NotEqual(Answer, machine);
        var (_, deepL) = await RunningServer.Read(await Server.PostForm("/v2/translate", ("auth_key", Key), ("text", Asked), ("source_lang", "AR"), ("target_lang", "EN-US"), ("tm", "0")));
        Assert.Equal(machine, deepL.GetProperty("translations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Bilingual_answers_say_where_each_translation_came_from()
    {
        const string fuzzy = "قتل ٣ أشخاص في القصف العنيف.";
        using var upload = Upload($"{Asked}\n{fuzzy}\n", "news.txt", ("source", "ar"), ("target", "en"), ("bilingual", "jsonl"));
        using var response = await Server.Client.PostAsync("/translate_document", upload);
        var records = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(("memory", Answer), (records[0].GetProperty("origin").GetString(), records[0].GetProperty("target").GetString()));
        Assert.Equal("machine", records[1].GetProperty("origin").GetString());
        var match = records[1].GetProperty("matches")[0];
        Assert.Equal(Stored, match.GetProperty("source").GetString());
        Assert.Equal(Math.Round(1 - 1.0 / 7, 4), match.GetProperty("score").GetDouble()); // one word added to six
    }

    [Fact]
    public async Task A_post_edit_is_the_next_translation_of_its_sentence()
    {
        const string sentence = "وصل الرئيس إلى دمشق صباح اليوم.";
        const string edit = "The president arrived in Damascus this morning.";
        Assert.NotEqual(edit, await Translate(new { q = sentence, source = "ar", target = "en" }));
        var (status, body) = await RunningServer.Read(await Server.PostJson("/tm/entries", JsonSerializer.Serialize(new { api_key = Key, source_lang = "ar", target_lang = "en", source = sentence, target = edit })));
        Assert.Equal((201, 1), (status, body.GetProperty("stored").GetInt32()));
        Assert.Equal(edit, await Translate(new { q = sentence, source = "ar", target = "en" }));
        // A batch, as a form: the source and target fields repeated, pair by pair.
        var (batchStatus, batch) = await RunningServer.Read(await Server.PostForm("/tm/entries", ("api_key", Key), ("source_lang", "ar"), ("target_lang", "en"),
            ("source", sentence), ("target", "The president reached Damascus this morning."), ("source", "الأخبار"), ("target", "The news")));
        Assert.Equal((201, 2), (batchStatus, batch.GetProperty("stored").GetInt32()));
        Assert.Equal("The president reached Damascus this morning.", await Translate(new { q = sentence, source = "ar", target = "en" }));
        Assert.Equal(2, _edits!.Pairs("ar", "en").Count());
    }

    [Fact]
    public async Task Post_edits_are_refused_without_the_right_key_or_past_the_limits()
    {
        object Edit(string? key, int pairs = 1) => new { api_key = key, source_lang = "ar", target_lang = "en", source = Enumerable.Repeat("نص", pairs), target = Enumerable.Repeat("text", pairs) };
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", JsonSerializer.Serialize(Edit(null))), 403, "Post-edits need an API key (api_key)");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", JsonSerializer.Serialize(Edit("wrong"))), 403, "Invalid API key");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", JsonSerializer.Serialize(Edit(Key, 4))), 400, "Invalid request: at most 3 pairs a request (got 4)");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", """{"api_key": "editor-key", "source_lang": "ar", "target_lang": "en", "source": ["a", "b"], "target": "x"}"""), 400,
            "Invalid request: 2 sources and 1 targets (one target a source)");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", """{"api_key": "editor-key", "source_lang": "ar", "target_lang": "en", "source": "نص", "target": " "}"""), 400,
            "Invalid request: a source or target is empty");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", """{"api_key": "editor-key", "source_lang": "ar", "target_lang": "fr", "source": "نص", "target": "texte"}"""), 400, "fr is not supported");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", """{"api_key": "editor-key", "source_lang": "ar", "target_lang": "en", "source": ["نص", "نص آخر"], "target": ["text", "more\u0000"]}"""), 400,
            "Invalid request: target 2 of 2 holds a NUL character (at character 4): binary data, not text");
        await RunningServer.AssertError(await Server.PostJson("/tm/entries", """{"api_key": "editor-key", "source_lang": "ar", "target_lang": "en", "source": "نص\u0000", "target": "text"}"""), 400,
            "Invalid request: the source holds a NUL character (at character 2): binary data, not text");
        Assert.DoesNotContain(_edits!.Pairs("ar", "en"), p => p.Source == "نص");
    }

    [Fact]
    public async Task A_server_without_keys_or_without_an_edits_memory_takes_no_post_edits()
    {
        const string edit = """{"api_key": "editor-key", "source_lang": "ar", "target_lang": "en", "source": "نص", "target": "text"}""";
        await using (var keyless = await RunningServer.Start(new ServerSettings { Memory = new ServerMemory([], _edits, 0.75) }, new EchoTranslator()))
        {
            await RunningServer.AssertError(await keyless.PostJson("/tm/entries", edit), 403, "Post-edits need an API key, and this server has none (serve --api-keys FILE)");
        }
        string keys = Path.Combine(_folder, "keys");
        await using var readOnly = await RunningServer.Start(new ServerSettings { ApiKeysFile = keys, Memory = new ServerMemory([(null, _memory!)], null, 0.75) }, new EchoTranslator());
        await RunningServer.AssertError(await readOnly.PostJson("/tm/entries", edit), 403, "This server stores no post-edits (serve --tm-edits FILE)");
    }
}
