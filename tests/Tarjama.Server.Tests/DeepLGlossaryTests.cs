using System.Text;
using System.Text.Json;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>DeepL's glossary endpoints on the real engine, with room for the terms (the shared tiny server's 8 new
/// tokens are too few to spell them): the lifecycle, and a glossary enforced in /v2/translate.</summary>
public sealed class DeepLGlossaryTests : IAsyncLifetime
{
    private Translator? _model;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 48 } });
        _server = await RunningServer.Start(new ServerSettings(), _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
    }

    [Fact]
    public async Task A_glossary_is_created_listed_read_used_and_deleted()
    {
        var (status, created) = await Server.PostDeepL("/v2/glossaries", ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"),
            ("entries", "الشرع\tal-Shara\nحميميم\tHmeimim\n"), ("entries_format", "tsv"));
        Assert.Equal(201, status);
        string id = created.GetProperty("glossary_id").GetString()!;
        Assert.Equal(("ar", "en", 2), (created.GetProperty("source_lang").GetString(), created.GetProperty("target_lang").GetString(), created.GetProperty("entry_count").GetInt32()));
        var (_, list) = await RunningServer.Read(await Server.Client.GetAsync("/v2/glossaries"));
        Assert.Contains(list.GetProperty("glossaries").EnumerateArray(), g => g.GetProperty("glossary_id").GetString() == id);
        Assert.Equal("الشرع\tal-Shara\nحميميم\tHmeimim\n", await Server.Client.GetStringAsync($"/v2/glossaries/{id}/entries"));
        var (_, pairs) = await RunningServer.Read(await Server.Client.GetAsync("/v2/glossary-language-pairs"));
        Assert.Contains(pairs.GetProperty("supported_languages").EnumerateArray(), p => p.GetProperty("source_lang").GetString() == "ar" && p.GetProperty("target_lang").GetString() == "en");
        var (translated, body) = await Server.PostDeepL("/v2/translate", ("text", "وصل الشرع إلى قاعدة حميميم"), ("source_lang", "AR"), ("target_lang", "EN-US"), ("glossary_id", id));
        Assert.Equal(200, translated);
        string text = body.GetProperty("translations")[0].GetProperty("text").GetString()!;
        Assert.Contains("al-Shara", text, StringComparison.Ordinal);
        Assert.Contains("Hmeimim", text, StringComparison.Ordinal);
        await RunningServer.AssertDeepLError(await Server.PostForm("/v2/translate", ("text", "مرحبا"), ("target_lang", "EN"), ("glossary_id", id)), 400,
            "Bad request. Reason: Use of a glossary requires the source_lang parameter to be specified.");
        Assert.Equal(204, (int)(await Server.Client.DeleteAsync($"/v2/glossaries/{id}")).StatusCode);
        await RunningServer.AssertDeepLError(await Server.Client.GetAsync($"/v2/glossaries/{id}"), 404, "Glossary not found.");
    }

    [Fact]
    public async Task Creation_time_is_written_as_deepl_writes_it_so_its_python_client_can_read_it()
    {
        var (status, created) = await Server.PostDeepL("/v2/glossaries", ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"), ("entries", "الشرع\tal-Shara\n"));
        Assert.Equal(201, status);
        string id = created.GetProperty("glossary_id").GetString()!;
        var (_, shown) = await RunningServer.Read(await Server.Client.GetAsync($"/v2/glossaries/{id}"));
        foreach (var info in new[] { created, shown })
        {
            // Milliseconds and Z, as in DeepL's answers: deepl-python before 1.29 read it with strptime's %S.%f, at most six digits.
            string time = info.GetProperty("creation_time").GetString()!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", time);
            Assert.InRange(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        }
        await Server.Client.DeleteAsync($"/v2/glossaries/{id}");
    }

    [Fact]
    public async Task A_glossary_larger_than_a_translate_request_may_be_is_taken()
    {
        // Six thousand entries: over DeepL's 128 KiB for a translate request, well under the server's body limit.
        string entries = string.Concat(Enumerable.Range(0, 6000).Select(i => $"مصطلح رقم {i}\tterm number {i}\n"));
        string body = JsonSerializer.Serialize(new { name = "large", source_lang = "AR", target_lang = "EN", entries, entries_format = "tsv" });
        Assert.True(Encoding.UTF8.GetByteCount(body) > 128 * 1024);
        var (status, created) = await RunningServer.Read(await Server.PostJson("/v2/glossaries", body));
        Assert.Equal((201, 6000), (status, created.GetProperty("entry_count").GetInt32()));
        await Server.Client.DeleteAsync($"/v2/glossaries/{created.GetProperty("glossary_id").GetString()}");
    }

    [Fact]
    public async Task A_csv_glossary_naming_its_pair_on_each_line_as_deepl_writes_it_is_taken()
    {
        var (status, created) = await Server.PostDeepL("/v2/glossaries", ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"),
            ("entries", "الشرع,al-Shara,ar,en\n\"حميميم\",\"Hmeimim, Latakia\",AR,EN\n"), ("entries_format", "csv"));
        Assert.Equal(201, status);
        string id = created.GetProperty("glossary_id").GetString()!;
        Assert.Equal("الشرع\tal-Shara\nحميميم\tHmeimim, Latakia\n", await Server.Client.GetStringAsync($"/v2/glossaries/{id}/entries"));
        await Server.Client.DeleteAsync($"/v2/glossaries/{id}");
        var (wrongPair, _) = await Server.PostDeepL("/v2/glossaries", ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"),
            ("entries", "الشرع,al-Shara,en,de\n"), ("entries_format", "csv"));
        Assert.Equal(400, wrongPair);
    }

    [Fact]
    public async Task A_glossary_for_another_pair_is_refused()
    {
        // One NLLB model serves both directions, so a request can name the other pair of a stored glossary.
        using var nllb = Translator.Load(TestModels.TinyNllb, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        await using var server = await RunningServer.Start(new ServerSettings(), nllb);
        var created = await RunningServer.Read(await server.PostForm("/v2/glossaries", ("name", "names"), ("source_lang", "AR"), ("target_lang", "EN"), ("entries", "الشرع\tal-Shara\n")));
        string id = created.Body.GetProperty("glossary_id").GetString()!;
        var (status, body) = await RunningServer.Read(await server.PostForm("/v2/translate", ("text", "The news"), ("source_lang", "EN"), ("target_lang", "AR"), ("glossary_id", id)));
        Assert.Equal(400, status);
        Assert.Contains("is for AR to EN", body.GetProperty("message").GetString());
    }
}
