using System.Text;
using System.Text.Json;
using Tarjama.Server.Jobs;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>Background jobs over HTTP on the tiny real model: documents and batches of texts submitted, followed,
/// downloaded, cancelled and listed, each seen only with the key that submitted it; bad requests are clear 4xx.</summary>
public sealed class JobApiTests : IAsyncLifetime
{
    private const string Key = "job-key", OtherKey = "other-key";

    private static readonly string[] Words = ["خبر", "عاجل", "اليوم", "مدينة", "رئيس", "حكومة", "سوق", "نفط"];

    private readonly string _keys = Path.GetTempFileName();
    private Translator? _model;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        File.WriteAllLines(_keys, [ApiKeys.Hash(Key), ApiKeys.Hash(OtherKey)]);
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        _server = await RunningServer.Start(new ServerSettings { ApiKeysFile = _keys, MaxUploadBytes = 256 * 1024 }, _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
        File.Delete(_keys);
    }

    [Fact]
    public async Task A_document_job_comes_back_as_the_direct_translation_and_only_to_its_key()
    {
        const string document = "<h1>الأخبار</h1>\n<p>مرحبا بالعالم</p>\n<p>رئيس الحكومة في المدينة اليوم</p>\n";
        var (status, job) = await RunningServer.Read(await Server.Client.PostAsync("/jobs", Upload(document, "news.html", ("api_key", Key))));
        Assert.Equal(202, status);
        string id = job.GetProperty("id").GetString()!;
        Assert.Equal("document", job.GetProperty("kind").GetString());
        var done = await Finished(id);
        Assert.Equal("done", done.GetProperty("status").GetString());
        var progress = done.GetProperty("progress");
        Assert.True(progress.GetProperty("total").GetInt64() > 0);
        Assert.Equal(progress.GetProperty("total").GetInt64(), progress.GetProperty("done").GetInt64());

        using var result = await Server.Client.GetAsync($"/jobs/{id}/result?api_key={Key}");
        Assert.Equal(200, (int)result.StatusCode);
        Assert.Equal("text/html; charset=utf-8", result.Content.Headers.ContentType!.ToString());
        using var direct = await Server.Client.PostAsync("/translate_document", Upload(document, "news.html", ("api_key", Key), ("source", "ar"), ("target", "en")));
        Assert.Equal(await direct.Content.ReadAsStringAsync(), await result.Content.ReadAsStringAsync());

        foreach (var path in new[] { $"/jobs/{id}", $"/jobs/{id}/result" })
        {
            await RunningServer.AssertError(await Server.Client.GetAsync($"{path}?api_key={OtherKey}"), 404, $"job {id} not found");
        }
        await RunningServer.AssertError(await Server.Client.PostAsync($"/jobs/{id}/cancel?api_key={OtherKey}", null), 404, $"job {id} not found");
        var (_, mine) = await RunningServer.Read(await Server.Client.GetAsync($"/jobs?api_key={Key}"));
        Assert.Contains(mine.GetProperty("jobs").EnumerateArray(), listed => listed.GetProperty("id").GetString() == id);
        var (_, theirs) = await RunningServer.Read(await Server.Client.GetAsync($"/jobs?api_key={OtherKey}"));
        Assert.DoesNotContain(theirs.GetProperty("jobs").EnumerateArray(), listed => listed.GetProperty("id").GetString() == id);
        await RunningServer.AssertError(await Server.Client.PostAsync($"/jobs/{id}/cancel?api_key={Key}", null), 409, $"job {id} is done already");

        using var deleted = await Server.Client.DeleteAsync($"/jobs/{id}?api_key={Key}");
        Assert.Equal(204, (int)deleted.StatusCode);
        await RunningServer.AssertError(await Server.Client.GetAsync($"/jobs/{id}?api_key={Key}"), 404, $"job {id} not found");
    }

    [Fact]
    public async Task A_document_job_takes_every_format_translate_document_takes()
    {
        // Before: format=xml or xliff was refused here ("text, html or markdown") though /translate_document took it.
        const string document = "<?xml version=\"1.0\"?><story><title>الأخبار</title><p>مرحبا بالعالم</p></story>";
        var (status, job) = await RunningServer.Read(await Server.Client.PostAsync("/jobs", Upload(document, "story.txt", ("api_key", Key), ("format", "xml"))));
        Assert.Equal(202, status);
        string id = job.GetProperty("id").GetString()!;
        Assert.Equal("done", (await Finished(id)).GetProperty("status").GetString());
        using var result = await Server.Client.GetAsync($"/jobs/{id}/result?api_key={Key}");
        using var direct = await Server.Client.PostAsync("/translate_document", Upload(document, "story.txt", ("api_key", Key), ("format", "xml")));
        Assert.Equal(await direct.Content.ReadAsStringAsync(), await result.Content.ReadAsStringAsync());
        Assert.Contains("<title>", await direct.Content.ReadAsStringAsync()); // read as XML, not as text

        await RunningServer.AssertError(await Server.Client.PostAsync("/jobs", Upload(document, "story.txt", ("api_key", Key), ("format", "pdf"))), 400,
            "pdf format is not supported (text, markdown, html, xml or xliff)");
    }

    [Fact]
    public async Task A_texts_job_with_source_auto_is_told_by_all_its_texts_as_translate_is()
    {
        string[] texts = ["2024", "مرحبا بالعالم", "الأخبار اليوم"]; // the first has no letters to tell by
        var (status, job) = await RunningServer.Read(await Server.PostJson("/jobs", JsonSerializer.Serialize(new { q = texts, source = "auto", target = "en", api_key = Key })));
        Assert.Equal(202, status);
        Assert.Equal("ar", job.GetProperty("source").GetString());
        string id = job.GetProperty("id").GetString()!;
        Assert.Equal("done", (await Finished(id)).GetProperty("status").GetString());
        var (_, result) = await RunningServer.Read(await Server.Client.GetAsync($"/jobs/{id}/result?api_key={Key}"));
        var (_, direct) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = texts, source = "auto", target = "en", api_key = Key })));
        Assert.Equal(direct.GetProperty("translatedText").ToString(), result.GetProperty("translatedText").ToString());
    }

    [Fact]
    public async Task The_job_list_comes_a_page_at_a_time_with_the_total()
    {
        // Finished jobs stay for the retention time: before, GET /jobs answered all of them at once, however many.
        await using var server = await RunningServer.Start(new ServerSettings { Jobs = new JobSettings() }, _model!);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(202, (await RunningServer.Read(await server.PostJson("/jobs", $$"""{"q": ["مرحبا {{i}}"], "source": "ar", "target": "en"}"""))).Status);
        }
        static async Task<(string[] Ids, long Total)> Page(RunningServer server, string query)
        {
            var (status, body) = await RunningServer.Read(await server.Client.GetAsync("/jobs" + query));
            Assert.Equal(200, status);
            return ([.. body.GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()!)], body.GetProperty("total").GetInt64());
        }
        var all = await Page(server, "");
        Assert.Equal(5, all.Ids.Length);
        Assert.Equal(5, all.Total);
        var first = await Page(server, "?limit=2");
        var second = await Page(server, "?limit=2&offset=2");
        var last = await Page(server, "?limit=2&offset=4");
        Assert.Equal(all.Ids, first.Ids.Concat(second.Ids).Concat(last.Ids));
        Assert.Equal((5L, 5L, 5L), (first.Total, second.Total, last.Total));
        await RunningServer.AssertError(await server.Client.GetAsync("/jobs?limit=1001"), 400, "Invalid request: limit must be from 1 to 1000 (got 1001)");
        await RunningServer.AssertError(await server.Client.GetAsync("/jobs?limit=0"), 400, "Invalid request: limit must be from 1 to 1000 (got 0)");
        await RunningServer.AssertError(await server.Client.GetAsync("/jobs?offset=-1"), 400, "Invalid request: offset must be 0 or more (got -1)");
        await RunningServer.AssertError(await server.Client.GetAsync("/jobs?offset=99999999999"), 400, "Invalid request: offset parameter is out of range");
    }

    [Fact]
    public async Task A_batch_of_texts_comes_back_as_translatedText_each_as_translate_answers_it()
    {
        string[] texts = ["مرحبا بالعالم", "رئيس الحكومة في المدينة اليوم.\nسوق النفط", "مرحبا بالعالم"];
        var (status, job) = await RunningServer.Read(await Server.PostJson("/jobs", JsonSerializer.Serialize(new { q = texts, source = "ar", target = "en", api_key = Key })));
        Assert.Equal(202, status);
        string id = job.GetProperty("id").GetString()!;
        Assert.Equal("done", (await Finished(id)).GetProperty("status").GetString());
        var (code, result) = await RunningServer.Read(await Server.Client.GetAsync($"/jobs/{id}/result?api_key={Key}"));
        Assert.Equal(200, code);
        var translated = result.GetProperty("translatedText").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(texts.Length, translated.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            var (_, one) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = texts[i], source = "ar", target = "en", api_key = Key })));
            Assert.Equal(one.GetProperty("translatedText").GetString(), translated[i]);
        }

        const string html = "<p>مرحبا <b>بالعالم</b></p>";
        var (_, htmlJob) = await RunningServer.Read(await Server.PostJson("/jobs", JsonSerializer.Serialize(new { q = new[] { html }, source = "auto", target = "en", format = "html", api_key = Key })));
        string htmlId = htmlJob.GetProperty("id").GetString()!;
        Assert.Equal("done", (await Finished(htmlId)).GetProperty("status").GetString());
        var (_, htmlResult) = await RunningServer.Read(await Server.Client.GetAsync($"/jobs/{htmlId}/result?api_key={Key}"));
        var (_, direct) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = html, source = "ar", target = "en", format = "html", api_key = Key })));
        Assert.Equal(direct.GetProperty("translatedText").GetString(), htmlResult.GetProperty("translatedText")[0].GetString());
        Assert.Matches("^<p>[^<]*<b>[^<]*</b></p>$", htmlResult.GetProperty("translatedText")[0].GetString());

        // Tag names and attributes are not words: this Arabic text has more Latin letters in its markup than Arabic ones.
        const string styled = "<span class=\"headline-title\" data-section=\"world\">مرحبا</span>";
        var (styledStatus, styledJob) = await RunningServer.Read(await Server.PostJson("/jobs", JsonSerializer.Serialize(new { q = new[] { styled }, source = "auto", target = "en", format = "html", api_key = Key })));
        Assert.Equal((202, "ar"), (styledStatus, styledJob.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_cancelled_job_has_no_result_and_says_so()
    {
        // Many distinct lines, so the job is still queued or running when it is cancelled.
        string document = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"{Words[i % 8]} {Words[i / 8 % 8]} {Words[i / 64 % 8]} الجديد {i % 7} رقم"));
        var (_, job) = await RunningServer.Read(await Server.Client.PostAsync("/jobs", Upload(document, "long.txt", ("api_key", Key))));
        string id = job.GetProperty("id").GetString()!;
        var (status, cancelled) = await RunningServer.Read(await Server.Client.PostAsync($"/jobs/{id}/cancel?api_key={Key}", null));
        Assert.Equal((200, "cancelled"), (status, cancelled.GetProperty("status").GetString()));
        await Task.Delay(200); // a running job stops at its next chunk; it stays cancelled
        Assert.Equal("cancelled", (await Status(id)).GetProperty("status").GetString());
        await RunningServer.AssertError(await Server.Client.GetAsync($"/jobs/{id}/result?api_key={Key}"), 409, $"job {id} was cancelled: it has no result");
    }

    [Fact]
    public async Task Bad_jobs_are_clear_4xx_answers()
    {
        await RunningServer.AssertError(await Server.Client.PostAsync("/jobs", Upload("مرحبا", "a.txt", ("api_key", Key), ("model", "no-such-model"))), 400,
            $"model no-such-model is not served here (models: model1)");
        await RunningServer.AssertError(await Server.Client.PostAsync("/jobs", Upload("مرحبا", "a.txt", ("api_key", Key), ("target", "fr"))), 400, "fr is not supported");
        await RunningServer.AssertError(await Server.Client.PostAsync("/jobs", Upload("%PDF", "a.pdf", ("api_key", Key))), 400,
            "Invalid request: file format not supported (the formats are .txt, .md, .markdown, .html, .htm, .xml, .xlf, .xliff, .docx)");
        await RunningServer.AssertError(await Server.Client.PostAsync("/jobs", Upload("ABC\0", "a.txt", ("api_key", Key), ("source", "auto"))), 400,
            "a.txt: this is a binary file, not text (a NUL byte at byte offset 3)");
        await RunningServer.AssertError(await Server.PostJson("/jobs", JsonSerializer.Serialize(new { source = "ar", target = "en", api_key = Key })), 400,
            "Invalid request: a job needs a file (multipart) or q (texts)");
        await RunningServer.AssertError(await Server.PostJson("/jobs", JsonSerializer.Serialize(new { q = new[] { "مرحبا", "AB\0C" }, source = "ar", target = "en", api_key = Key })), 400,
            "Invalid request: text 2 of 2 holds a NUL character (at character 2): binary data, not text");
        var big = new HttpRequestMessage(HttpMethod.Post, "/jobs") { Content = Upload(new string('x', 300 * 1024), "big.txt", ("api_key", Key)) };
        big.Headers.ExpectContinue = true; // the 413 comes before the body is sent
        await RunningServer.AssertError(await Server.Client.SendAsync(big), 413, "Request body too large");
        await RunningServer.AssertError(await Server.Client.PostAsync("/jobs", Upload("مرحبا", "a.txt", ("api_key", "wrong"))), 403, "Invalid API key");
        await RunningServer.AssertError(await Server.Client.GetAsync($"/jobs/{new string('0', 32)}?api_key={Key}"), 404, $"job {new string('0', 32)} not found");

        var (_, corrupt) = await RunningServer.Read(await Server.Client.PostAsync("/jobs", Upload("PK\u0003\u0004 truncated", "report.docx", ("api_key", Key))));
        string id = corrupt.GetProperty("id").GetString()!;
        var failed = await Finished(id);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("not a DOCX file", failed.GetProperty("error").GetString());
        var (code, body) = await RunningServer.Read(await Server.Client.GetAsync($"/jobs/{id}/result?api_key={Key}"));
        Assert.Equal(409, code);
        Assert.StartsWith($"job {id} failed: ", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Finished_jobs_are_removed_after_the_retention_time_and_counted_in_metrics()
    {
        // Three seconds: long enough for the status and metrics below to see the job done on a loaded machine (with one,
        // a sweep could remove it between them), short enough to watch it go.
        await using var server = await RunningServer.Start(new ServerSettings { Jobs = new JobSettings { Retention = TimeSpan.FromSeconds(3) } }, _model!);
        var (_, job) = await RunningServer.Read(await server.PostJson("/jobs", """{"q": ["مرحبا بالعالم"], "source": "ar", "target": "en"}"""));
        string id = job.GetProperty("id").GetString()!;
        Assert.Equal("done", (await Finished(id, server, "")).GetProperty("status").GetString());
        string metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("tarjama_jobs{state=\"done\"} 1\n", metrics);
        Assert.Matches("tarjama_job_segments_total\\{backend=\"embedded\"\\} [1-9]", metrics);
        for (int poll = 0; poll < 100 && (await server.Client.GetAsync($"/jobs/{id}")).StatusCode != System.Net.HttpStatusCode.NotFound; poll++)
        {
            await Task.Delay(100);
        }
        await RunningServer.AssertError(await server.Client.GetAsync($"/jobs/{id}"), 404, $"job {id} not found");
    }

    [Fact]
    public async Task Jobs_past_the_concurrency_wait_queued_and_past_the_limit_are_refused_with_429()
    {
        await using var server = await RunningServer.Start(new ServerSettings { Jobs = new JobSettings { MaxUnfinished = 2, Concurrency = 1 } }, _model!);
        // Many distinct lines, so the first job is still running while the others are submitted and looked at.
        string[] many = [.. Enumerable.Range(0, 6000).Select(i => $"{Words[i % 8]} {Words[i / 8 % 8]} {Words[i / 64 % 8]} {i}")];
        var (_, first) = await RunningServer.Read(await server.PostJson("/jobs", JsonSerializer.Serialize(new { q = many, source = "ar", target = "en" })));
        var (_, second) = await RunningServer.Read(await server.PostJson("/jobs", """{"q": ["مرحبا بالعالم"], "source": "ar", "target": "en"}"""));
        string firstId = first.GetProperty("id").GetString()!, secondId = second.GetProperty("id").GetString()!;
        await RunningServer.AssertError(await server.PostJson("/jobs", """{"q": ["سوق النفط"], "source": "ar", "target": "en"}"""), 429,
            "too many jobs queued or running (at most 2): wait for some to finish");
        for (int poll = 0; poll < 100 && (await Status(firstId, server, "")).GetProperty("status").GetString() == "queued"; poll++)
        {
            await Task.Delay(20);
        }
        Assert.Equal("running", (await Status(firstId, server, "")).GetProperty("status").GetString());
        Assert.Equal("queued", (await Status(secondId, server, "")).GetProperty("status").GetString());
        Assert.Equal(200, (int)(await server.Client.PostAsync($"/jobs/{firstId}/cancel", null)).StatusCode);
        Assert.Equal("done", (await Finished(secondId, server, "")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_servers_translation_memory_answers_a_job_unless_the_job_turns_it_off()
    {
        using var memory = Tarjama.Memory.TranslationMemory.InMemory("desk");
        memory.Add([("قتل ٣ أشخاص في القصف.", "3 people were killed in the shelling.")], "ar", "en");
        await using var server = await RunningServer.Start(new ServerSettings { Memory = new ServerMemory([(null, memory)], null, 0.75) }, _model!);
        var answers = new List<string?>();
        foreach (bool tm in new[] { true, false })
        {
            var (_, job) = await RunningServer.Read(await server.PostJson("/jobs", JsonSerializer.Serialize(new { q = new[] { "قتل ٥ أشخاص في القصف." }, source = "ar", target = "en", tm })));
            string id = job.GetProperty("id").GetString()!;
            Assert.Equal("done", (await Finished(id, server, "")).GetProperty("status").GetString());
            var (_, result) = await RunningServer.Read(await server.Client.GetAsync($"/jobs/{id}/result"));
            answers.Add(result.GetProperty("translatedText")[0].GetString());
        }
        Assert.Equal("5 people were killed in the shelling.", answers[0]);
        Assert.NotEqual(answers[0], answers[1]); // the tiny model's own output
    }

    private static MultipartFormDataContent Upload(string document, string name, params (string Name, string Value)[] fields)
    {
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(document)), "file", name } };
        var all = fields.ToDictionary(f => f.Name, f => f.Value);
        all.TryAdd("source", "ar");
        all.TryAdd("target", "en");
        foreach (var (field, value) in all)
        {
            upload.Add(new StringContent(value), field);
        }
        return upload;
    }

    private Task<JsonElement> Status(string id) => Status(id, Server, $"?api_key={Key}");

    private static async Task<JsonElement> Status(string id, RunningServer server, string query)
    {
        var (code, body) = await RunningServer.Read(await server.Client.GetAsync($"/jobs/{id}{query}"));
        Assert.Equal(200, code);
        return body;
    }

    private Task<JsonElement> Finished(string id) => Finished(id, Server, $"?api_key={Key}");

    /// <summary>The job's status once it has finished (done, failed or cancelled).</summary>
    private static async Task<JsonElement> Finished(string id, RunningServer server, string query)
    {
        var status = await Status(id, server, query);
        for (int poll = 0; poll < 600 && status.GetProperty("status").GetString() is "queued" or "running"; poll++)
        {
            await Task.Delay(100);
            status = await Status(id, server, query);
        }
        return status;
    }
}
