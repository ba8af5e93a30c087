using System.Diagnostics;
using System.Text;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>What keeps hostile or just large requests from taking the server down: work fed through the queue in parts,
/// engine time, memory and disk bounded, nesting capped, every user error a 4xx in the API's shape.</summary>
public sealed class ServerLimitsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static MultipartFormDataContent Upload(string text, string fileName) => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", fileName },
        { new StringContent("ar"), "source" },
        { new StringContent("en"), "target" },
    };

    /// <summary>Distinct lines without digits (numbers are masked, so "line 1" and "line 2" would be one segment).</summary>
    private static string Lines(int count) =>
        string.Join('\n', Enumerable.Range(0, count).Select(i => "سطر " + string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "ابتثجحخدذر"[d - '0']))));

    [Fact]
    public async Task A_file_of_more_segments_than_the_queue_holds_is_translated_on_an_idle_server()
    {
        var engine = new EchoTranslator();
        await using var server = await RunningServer.Start(new ServerSettings { MaxUploadBytes = 1 << 20 }, engine);
        using var upload = Upload(Lines(300), "long.txt");
        var (status, body) = await RunningServer.Read(await server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
        string translated = await server.Client.GetStringAsync(body.GetProperty("translatedFileUrl").GetString());
        Assert.Equal(300, translated.Split('\n').Length);
        Assert.Equal("<سطر ترر>", translated.Split('\n')[^1]);
        Assert.Equal(300, engine.BatchSizes.Sum());
    }

    [Fact]
    public async Task Html_texts_of_one_request_share_engine_batches()
    {
        var engine = new EchoTranslator();
        await using var server = await RunningServer.Start(new ServerSettings(), engine);
        string json = """{"q": ["<p>أ. <b>ب.</b></p>", "<p>ج.</p>", "<i>د.</i>", "<p>هـ. و.</p>"], "source": "ar", "target": "en", "format": "html"}""";
        var (status, body) = await RunningServer.Read(await server.PostJson("/translate", json));
        Assert.Equal(200, status);
        Assert.Equal(1, engine.Calls);
        Assert.Equal("<p>&lt;ج.&gt;</p>", body.GetProperty("translatedText")[1].GetString());
    }

    [Fact]
    public async Task A_request_past_its_engine_time_is_refused_with_400()
    {
        var engine = new EchoTranslator { OnBatch = _ => Thread.Sleep(300) };
        var settings = new ServerSettings { CharLimit = -1, MaxRequestEngineTime = TimeSpan.FromSeconds(1), Batching = new BatchingOptions { MaxBatchSize = 2 } };
        await using var server = await RunningServer.Start(settings, engine);
        var response = await server.PostJson("/translate", $$"""{"q": "{{Lines(40).Replace("\n", "\\n")}}", "source": "ar", "target": "en"}""");
        var (status, body) = await RunningServer.Read(response);
        Assert.Equal(400, status);
        Assert.Equal("the request needs more than 1 s of engine time; send less text at once", body.GetProperty("error").GetString());
        Assert.InRange(engine.Calls, 1, 4); // each batch charges at least 300 ms, a busy machine more
    }

    [Fact]
    public async Task Work_stops_when_the_client_goes_away()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator { OnBatch = _ => release.Wait(Patience) };
        await using var server = await RunningServer.Start(new ServerSettings { MaxUploadBytes = 1 << 20 }, engine);
        using var gone = new CancellationTokenSource();
        using var upload = Upload(Lines(300), "long.txt");
        var request = server.Client.PostAsync("/translate_file", upload, gone.Token);
        await WaitUntil(() => engine.Calls == 1);
        gone.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await Task.Delay(500); // the server notices the closed connection
        release.Set();
        await Task.Delay(500);
        Assert.InRange(engine.BatchSizes.Sum(), 1, 64);
        Assert.Equal(200, (await RunningServer.Read(await server.Client.GetAsync("/health"))).Status);
    }

    [Theory]
    [InlineData("deep.md", ">")]
    [InlineData("deep.md", "[")]
    [InlineData("deep.md", "*a ")]
    [InlineData("deep.html", "<b>")]
    public async Task Deep_nesting_is_a_400_not_a_500_or_a_long_wait(string fileName, string opener)
    {
        await using var server = await RunningServer.Start(new ServerSettings { MaxUploadBytes = 1 << 20 }, new EchoTranslator());
        using var upload = Upload(string.Concat(Enumerable.Repeat(opener, 10_000)) + "x", fileName);
        var started = Stopwatch.StartNew();
        var (status, body) = await RunningServer.Read(await server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(400, status);
        Assert.Matches($"^{fileName}: the (Markdown|HTML) nests deeper than [0-9]+ levels", body.GetProperty("error").GetString());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
        var html = await server.PostJson("/translate", $$"""{"q": "{{string.Concat(Enumerable.Repeat("<b>", 1000))}}x", "source": "ar", "target": "en", "format": "html"}""");
        Assert.Equal(400, (await RunningServer.Read(html)).Status);
    }

    [Theory]
    [InlineData("""{"q": "ab\ud800", "source": "ar", "target": "en"}""")]
    [InlineData("""{"q": ["a", "\udc00b"], "source": "ar", "target": "en"}""")]
    [InlineData("""{"q": "a", "source": "ar", "target": "en", "extra": {"x\ud800": 1}}""")]
    public async Task A_lone_surrogate_escape_anywhere_in_json_is_a_400(string json)
    {
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        await RunningServer.AssertError(await server.PostJson("/translate", json), 400, "Invalid JSON format");
    }

    [Theory]
    [InlineData("/translate", """{"q": "a", "source": "ar", "target": "en", "q": "b"}""", "q", "error")]
    [InlineData("/v2/translate", """{"text": ["a"], "target_lang": "EN-US", "target_lang": "AR"}""", "target_lang", "message")]
    [InlineData("/apy/translate", """{"q": "a", "langpair": "ar|en", "langpair": "en|ar"}""", "langpair", "explanation")]
    public async Task A_json_field_given_twice_is_a_400_naming_it(string path, string json, string field, string errorField)
    {
        // Before: the last one counted, silently.
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        var (status, body) = await RunningServer.Read(await server.PostJson(path, json));
        Assert.Equal((400, $"Invalid request: {field} parameter is given twice"), (status, body.GetProperty(errorField).GetString()));
    }

    [Theory]
    [InlineData("GET", "/translate?source=ar&target=en&q=%D9%85%FF", "", "q", "error")]
    [InlineData("POST", "/translate", "source=ar&target=en&q=%C3", "q", "error")]
    [InlineData("POST", "/translate", "source=ar&target=en&q=\u00FF", "q", "error")] // a raw byte 0xFF, not an escape
    [InlineData("POST", "/v2/translate", "target_lang=EN-US&text=%E2%82", "text", "message")]
    [InlineData("GET", "/MTRestService/TranslateJson?srcLangCode=ar&trgLangCode=en&input=%FF%FE", "", "input", "error")]
    [InlineData("GET", "/apy/translate?langpair=ar|en&q=%80", "", "q", "explanation")]
    public async Task A_query_or_form_field_that_is_not_utf8_is_a_400_naming_it(string method, string path, string form, string field, string errorField)
    {
        // Before: the bytes became U+FFFD and were translated, though a JSON body or a file that is not UTF-8 is refused.
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new ByteArrayContent(Encoding.Latin1.GetBytes(form)) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } };
        }
        var (status, body) = await RunningServer.Read(await server.Client.SendAsync(request));
        Assert.Equal((400, $"Invalid request: {field} parameter is not UTF-8 text"), (status, body.GetProperty(errorField).GetString()));
    }

    [Theory]
    [InlineData("/translate", "q", "error")]
    [InlineData("/v2/translate", "text", "message")]
    public async Task A_multipart_field_that_is_not_utf8_is_a_400_naming_it_and_one_holding_a_real_replacement_character_is_not(string path, string field, string errorField)
    {
        // Before: the bytes became U+FFFD and were translated, as the query and urlencoded fields had been.
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        bool deepL = path.StartsWith("/v2/", StringComparison.Ordinal);
        Task<HttpResponseMessage> Post(byte[] text)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(text), field } };
            form.Add(new StringContent(deepL ? "AR" : "ar"), deepL ? "source_lang" : "source");
            form.Add(new StringContent(deepL ? "EN-US" : "en"), deepL ? "target_lang" : "target");
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
            request.Headers.Authorization = new("DeepL-Auth-Key", "any-key:fx");
            return server.Client.SendAsync(request);
        }
        var (status, body) = await RunningServer.Read(await Post([.. "مرحبا "u8, 0xE9, 0xFF]));
        Assert.Equal((400, $"Invalid request: {field} parameter is not UTF-8 text"), (status, body.GetProperty(errorField).GetString()));
        Assert.Equal(200, (await RunningServer.Read(await Post("مرحبا \uFFFD"u8.ToArray()))).Status);
    }

    [Fact]
    public async Task Query_and_form_fields_in_utf8_are_read_whole_with_escapes_plus_signs_and_empty_values()
    {
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        var (status, body) = await RunningServer.Read(await server.Client.GetAsync("/translate?source=ar&&target=en&empty=&q=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7+x"));
        Assert.Equal((200, "<مرحبا x>"), (status, body.GetProperty("translatedText").GetString()));
        var (formStatus, formBody) = await RunningServer.Read(await server.PostForm("/translate", ("q", "مرحبا + x=y&z"), ("source", "ar"), ("target", "en")));
        Assert.Equal((200, "<مرحبا + x=y&z>"), (formStatus, formBody.GetProperty("translatedText").GetString()));
    }

    [Fact]
    public async Task Json_after_a_utf8_byte_order_mark_is_accepted()
    {
        await using var server = await RunningServer.Start(new ServerSettings(), new EchoTranslator());
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"q": "مرحبا", "source": "ar", "target": "en"}"""u8];
        var (status, answer) = await RunningServer.Read(await server.PostBytes("/translate", body, "application/json"));
        Assert.Equal((200, "<مرحبا>"), (status, answer.GetProperty("translatedText").GetString()));
    }

    [Fact]
    public async Task A_document_too_big_for_the_memory_budget_is_413_and_one_that_does_not_fit_beside_others_503()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator { OnBatch = _ => release.Wait(Patience) };
        var settings = new ServerSettings { MaxUploadBytes = 1 << 20, MemoryBudgetBytes = 16 << 20 };
        await using var server = await RunningServer.Start(settings, engine);
        // One sentence to hold the engine with, the rest left untranslated (cheap): charged 32 bytes a byte and 2,100 a
        // break (each "x|\n" is 3 bytes and 2 breaks: 4,296 bytes; the page around them 11,876).
        static string Page(int units) => "<p>مرحبا بالعالم.</p>\n<pre>" + string.Concat(Enumerable.Repeat("x|\n", units)) + "</pre>";
        using (var big = Upload(Page(4400), "big.html")) // 13 KB, 18.9 MB
        {
            var (status, body) = await RunningServer.Read(await server.Client.PostAsync("/translate_file", big));
            Assert.Equal(413, status);
            Assert.StartsWith("Request too large to translate: it needs about 18 MB of memory, more than the server's 16 MB", body.GetProperty("error").GetString());
        }
        using var first = Upload(Page(2000), "first.html"); // 8.6 MB
        var running = server.Client.PostAsync("/translate_file", first);
        await WaitUntil(() => engine.Calls == 1);
        using (var second = Upload(Page(2000), "second.md"))
        {
            await RunningServer.AssertError(await server.Client.PostAsync("/translate_file", second), 503, "the server is busy with other large requests; try again shortly");
        }
        release.Set();
        Assert.Equal(200, (await RunningServer.Read(await running)).Status);
        // Bytes in long lines cost far less than breaks: 140 KB in one block (4.5 MB) is let in.
        using var longLines = Upload("<p>مرحبا بالعالم.</p>\n<pre>" + new string('x', 140_000) + "</pre>", "long.html");
        Assert.Equal(200, (await RunningServer.Read(await server.Client.PostAsync("/translate_file", longLines))).Status);
    }

    [Fact]
    public async Task A_word_document_is_charged_for_what_its_xml_unpacks_to_not_for_its_package()
    {
        await using var server = await RunningServer.Start(
            new ServerSettings { MaxUploadBytes = 1 << 20, MemoryBudgetBytes = 16 << 20, Jobs = new Tarjama.Server.Jobs.JobSettings() }, new EchoTranslator());
        // 600 KB of paragraphs that pack into a few KB: charged by the package's size, it was let in, and the tree of
        // its XML took many times the budget; as a background job (/jobs, DeepL's /v2/document) it was not charged at all.
        using var package = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            for (int i = 0; i < 15_000; i++)
            {
                writer.Write("<w:p><w:r><w:t>مرحبا.</w:t></w:r></w:p>");
            }
            writer.Write("</w:body></w:document>");
        }
        Assert.True(package.Length < 64 << 10);
        foreach (var (path, errorField) in new[] { ("/translate_file", "error"), ("/jobs", "error"), ("/v2/document", "message") })
        {
            using var upload = new MultipartFormDataContent
            {
                { new ByteArrayContent(package.ToArray()), "file", "story.docx" },
                { new StringContent("ar"), "source" },
                { new StringContent("en"), "target" },
                { new StringContent("EN-US"), "target_lang" },
            };
            var (status, body) = await RunningServer.Read(await server.Client.PostAsync(path, upload));
            Assert.Equal((path, 413), (path, status));
            string error = body.GetProperty(errorField).GetString()!;
            Assert.StartsWith("Request too large to translate: it needs about 3", error);
            Assert.EndsWith("more than the server's 16 MB (send plain text, or a smaller document)", error);
        }
    }

    [Fact]
    public async Task Translated_files_stay_under_the_disk_quota_and_a_refused_one_leaves_nothing()
    {
        using var store = new TranslatedFileStore(TimeSpan.FromMinutes(30), 1 << 20);
        byte[] part = new byte[600_000];
        await store.SaveAsync("one.txt", output => output.WriteAsync(part).AsTask());
        var full = await Assert.ThrowsAsync<ApiError>(() => store.SaveAsync("two.txt", output => output.WriteAsync(part).AsTask()));
        Assert.Equal((503, "the server's room for translated files is full; try again later"), (full.Status, full.Message));
        Assert.Equal(600_000, store.StoredBytes);
        using (var scratch = await store.WriteScratchAsync(answer => answer.WriteAsync(new byte[400_000]).AsTask()))
        {
            Assert.Equal(0, scratch.Position);
            Assert.Equal(1_000_000, store.StoredBytes);
        }
        Assert.Equal(600_000, store.StoredBytes);
        await Assert.ThrowsAsync<ApiError>(() => store.WriteScratchAsync(answer => answer.WriteAsync(part).AsTask()));
        Assert.Equal(600_000, store.StoredBytes); // a scratch answer that failed gave its bytes back at once
    }

    [Fact]
    public async Task Expired_files_are_removed_on_a_timer_and_orphaned_folders_on_start()
    {
        string orphan = Path.Combine(Path.GetTempPath(), $"tarjama-files-{DeadProcessId()}-{Guid.NewGuid():N}");
        // Made whole under another name, then moved in place: every server that other test classes start meanwhile
        // sweeps orphans too, and one that came between making the folder and writing its file made the write fail.
        var making = Directory.CreateTempSubdirectory("tarjama-orphan-");
        File.WriteAllText(Path.Combine(making.FullName, "left.txt"), "left behind by a killed server");
        Directory.Move(making.FullName, orphan);
        using var store = new TranslatedFileStore(TimeSpan.FromSeconds(1), 1 << 20);
        Assert.False(Directory.Exists(orphan));
        await store.SaveAsync("a.txt", output => output.WriteAsync("translated"u8.ToArray()).AsTask());
        Assert.Equal(10, store.StoredBytes);
        await WaitUntil(() => store.StoredBytes == 0);
    }

    private static int DeadProcessId()
    {
        for (int id = 4_000_000; ; id--)
        {
            try
            {
                using var process = Process.GetProcessById(id);
            }
            catch (ArgumentException)
            {
                return id;
            }
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
