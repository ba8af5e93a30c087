using System.Text;
using System.Text.Json;
using Tarjama.Server.Jobs;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>DeepL's character quota (<c>serve --character-quota</c>) on the tiny real model: only work done counts
/// against it.</summary>
public sealed class DeepLUsageTests : IAsyncLifetime
{
    private const int Quota = 100;

    private Translator? _model;

    public Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _model!.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_refused_translation_is_not_billed_so_retrying_it_never_reaches_the_quota()
    {
        await using var server = await RunningServer.Start(new ServerSettings { CharacterQuota = Quota }, _model!);
        const string broken = "<p>مرحبا بالعالم <b>الأخبار اليوم في المدينة</p>"; // not well-formed; three tries of it pass the quota
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var (status, _) = await server.PostDeepL("/v2/translate", ("text", broken), ("source_lang", "AR"), ("target_lang", "EN-US"), ("tag_handling", "xml"));
            Assert.Equal(400, status);
        }
        Assert.Equal(0, await Used(server));
        var (badFlag, _) = await server.PostDeepL("/v2/translate", ("text", "مرحبا"), ("target_lang", "EN-US"), ("show_billed_characters", "yes"));
        Assert.Equal(400, badFlag);
        Assert.Equal(0, await Used(server));
        var (translated, _) = await server.PostDeepL("/v2/translate", ("text", "مرحبا بالعالم"), ("target_lang", "EN-US"));
        Assert.Equal(200, translated);
        Assert.Equal("مرحبا بالعالم".Length, await Used(server));
    }

    [Fact]
    public async Task A_document_refused_for_too_many_jobs_is_not_billed()
    {
        await using var server = await RunningServer.Start(new ServerSettings { CharacterQuota = 1_000_000, Jobs = new JobSettings { MaxUnfinished = 1, Concurrency = 1 } }, _model!);
        // Many distinct lines, so this job is still unfinished when the document comes.
        string[] many = [.. Enumerable.Range(0, 6000).Select(i => $"مرحبا بالعالم {i}")];
        var (_, running) = await RunningServer.Read(await server.PostJson("/jobs", JsonSerializer.Serialize(new { q = many, source = "ar", target = "en" })));
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("مرحبا بالعالم\n")), "file", "news.txt" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, _) = await RunningServer.Read(await server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(429, status);
        Assert.Equal(0, await Used(server));
        await server.Client.DeleteAsync($"/jobs/{running.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task An_empty_document_is_refused_in_deepls_shape_without_a_job_or_a_bill()
    {
        await using var server = await RunningServer.Start(new ServerSettings { CharacterQuota = Quota }, _model!);
        foreach (string? source in new[] { "AR", null })
        {
            using var upload = new MultipartFormDataContent
            {
                { new ByteArrayContent([]), "file", "news.txt" },
                { new StringContent("EN-US"), "target_lang" },
            };
            if (source is not null)
            {
                upload.Add(new StringContent(source), "source_lang");
            }
            await RunningServer.AssertDeepLError(await server.Client.PostAsync("/v2/document", upload), 400, "Bad request. Reason: Value for 'file' is an empty document.");
        }
        Assert.Equal(0, await Used(server));
        var (_, listed) = await RunningServer.Read(await server.Client.GetAsync("/jobs"));
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_document_cancelled_before_it_is_translated_is_given_back()
    {
        await using var server = await RunningServer.Start(new ServerSettings { CharacterQuota = 1_000_000, Jobs = new JobSettings { MaxUnfinished = 2, Concurrency = 1 } }, _model!);
        // Many distinct lines, so this job holds the one worker while the document waits.
        string[] many = [.. Enumerable.Range(0, 6000).Select(i => $"مرحبا بالعالم {i}")];
        var (_, running) = await RunningServer.Read(await server.PostJson("/jobs", JsonSerializer.Serialize(new { q = many, source = "ar", target = "en" })));
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("مرحبا بالعالم\n")), "file", "news.txt" },
            { new StringContent("AR"), "source_lang" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, ids) = await RunningServer.Read(await server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(200, status);
        Assert.Equal("مرحبا بالعالم\n".Length, await Used(server));
        var (_, cancelled) = await RunningServer.Read(await server.Client.PostAsync($"/jobs/{ids.GetProperty("document_id").GetString()}/cancel", null));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0, await Used(server));
        await server.Client.DeleteAsync($"/jobs/{running.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task A_document_that_fails_in_the_background_is_given_back()
    {
        await using var server = await RunningServer.Start(new ServerSettings { CharacterQuota = Quota }, _model!);
        // Taken at upload (its text is sampled there), refused by the job when it reads the whole XML.
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("<story><p>مرحبا بالعالم</p><p>الأخبار</story>")), "file", "news.xml" },
            { new StringContent("AR"), "source_lang" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, ids) = await RunningServer.Read(await server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(200, status);
        string id = ids.GetProperty("document_id").GetString()!, key = ids.GetProperty("document_key").GetString()!;
        string? state = null;
        for (int poll = 0; poll < 600 && state is null or "queued" or "translating"; poll++)
        {
            await Task.Delay(50);
            state = (await server.PostDeepL($"/v2/document/{id}", ("document_key", key))).Body.GetProperty("status").GetString();
        }
        Assert.Equal("error", state);
        Assert.Equal(0, await Used(server));
    }

    [Fact]
    public async Task A_document_seen_failing_on_jobs_is_given_back_before_usage_or_the_quota_is_read()
    {
        // The runner stores a job's end before it announces it: a client watching /jobs could read its bill in between.
        await using var server = await RunningServer.Start(new ServerSettings { CharacterQuota = Quota }, _model!);
        const string story = "<story><p>مرحبا بالعالم</p><p>الأخبار</story>"; // taken at upload, refused by the job
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(story)), "file", "news.xml" },
            { new StringContent("AR"), "source_lang" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, ids) = await RunningServer.Read(await server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(200, status);
        string id = ids.GetProperty("document_id").GetString()!;
        string? state = null;
        for (int poll = 0; poll < 600 && state is null or "queued" or "running"; poll++)
        {
            await Task.Delay(50);
            state = (await RunningServer.Read(await server.Client.GetAsync($"/jobs/{id}"))).Body.GetProperty("status").GetString();
        }
        Assert.Equal("failed", state);
        // The whole quota is there for the next text, and only that text is billed.
        var (translated, _) = await server.PostDeepL("/v2/translate", ("text", new string('م', Quota)), ("target_lang", "EN-US"));
        Assert.Equal(200, translated);
        Assert.Equal(Quota, await Used(server));
    }

    private static async Task<long> Used(RunningServer server)
    {
        var (_, usage) = await server.PostDeepL("/v2/usage");
        return usage.GetProperty("character_count").GetInt64();
    }
}
