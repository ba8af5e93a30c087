using System.Text.Json;
using Tarjama.Terminology;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>Glossaries over HTTP on the real engine: inline entries, stored glossaries by id, the server-wide glossary,
/// and the quality findings in the answer.</summary>
public sealed class GlossaryApiTests : IAsyncLifetime
{
    private const string Entries = "الشرع\tal-Shara\nحميميم\tHmeimim\n";
    private static readonly string[] Texts = ["وقال والشرع إن قاعدة بحميميم ستبقى.", "وأضاف أن التعاون مهم.", "التقى بوتين الشرع."];

    private Translator? _model;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 48 } });
        var serverWide = Glossary.Create("ar", [new GlossaryEntry("بوتين", "Putin")]);
        _server = await RunningServer.Start(new ServerSettings { Glossaries = new Dictionary<string, Glossary> { ["ar-en"] = serverWide } }, _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
    }

    private async Task<JsonElement> Translate(object request)
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(request)));
        Assert.Equal(200, status);
        return body;
    }

    private static string[] Translations(JsonElement body) => [.. body.GetProperty("translatedText").EnumerateArray().Select(t => t.GetString()!)];

    [Fact]
    public async Task Inline_entries_are_enforced_and_the_answer_carries_qa()
    {
        var body = await Translate(new { q = Texts, source = "ar", target = "en", glossary = Entries });
        var translations = Translations(body);
        Assert.Contains("al-Shara", translations[0], StringComparison.Ordinal);
        Assert.Contains("Hmeimim", translations[0], StringComparison.Ordinal);
        Assert.Contains("al-Shara", translations[2], StringComparison.Ordinal);
        Assert.Equal(3, body.GetProperty("qa").GetArrayLength());
        Assert.DoesNotContain(body.GetProperty("qa")[0].EnumerateArray(), issue => issue.GetProperty("check").GetString() == "glossary");
    }

    [Fact]
    public async Task A_stored_glossary_is_used_by_id_listed_read_back_and_deleted()
    {
        var (status, created) = await RunningServer.Read(await Server.PostJson("/glossaries", JsonSerializer.Serialize(new { name = "syria", source_lang = "ar", target_lang = "en", entries = Entries })));
        Assert.Equal(201, status);
        string id = created.GetProperty("glossary_id").GetString()!;
        Assert.Equal(2, created.GetProperty("entry_count").GetInt32());

        var translations = Translations(await Translate(new { q = Texts, source = "ar", target = "en", glossary_id = id }));
        Assert.Contains("Hmeimim", translations[0], StringComparison.Ordinal);
        Assert.Contains("al-Shara", translations[2], StringComparison.Ordinal);

        var (_, list) = await RunningServer.Read(await Server.Client.GetAsync("/glossaries"));
        Assert.Contains(list.GetProperty("glossaries").EnumerateArray(), g => g.GetProperty("glossary_id").GetString() == id);
        Assert.Equal(Entries, await Server.Client.GetStringAsync($"/glossaries/{id}/entries"));
        using (var deleted = await Server.Client.DeleteAsync($"/glossaries/{id}"))
        {
            Assert.Equal(204, (int)deleted.StatusCode);
        }
        await RunningServer.AssertError(await Server.Client.GetAsync($"/glossaries/{id}"), 404, $"glossary {id} not found");
        await RunningServer.AssertError(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = "نص", source = "ar", target = "en", glossary_id = id })), 404, $"glossary {id} not found");
    }

    [Fact]
    public async Task The_server_wide_glossary_serves_requests_without_one()
    {
        var body = await Translate(new { q = Texts, source = "ar", target = "en" });
        Assert.Contains("Putin", Translations(body)[2], StringComparison.Ordinal);
        Assert.Equal(3, body.GetProperty("qa").GetArrayLength());
    }

    [Fact]
    public async Task Bad_glossaries_are_refused_with_their_line()
    {
        await RunningServer.AssertError(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = "نص", source = "ar", target = "en", glossary = "الشرع\tal-Shara\nالشرع\tSharaa" })),
            400, "glossary.tsv:2: duplicate glossary term 'الشرع' (first at glossary.tsv:1)");
        await RunningServer.AssertError(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = "نص", source = "ar", target = "en", glossary = "الشرع,al-Shara" })),
            400, "glossary.tsv:1: expected source<TAB>target[<TAB>comment], found 1 field(s)");
        await RunningServer.AssertError(await Server.PostJson("/glossaries", JsonSerializer.Serialize(new { name = "x", source_lang = "ar", target_lang = "en", entries = "<martif/>" })),
            400, "glossary.tsv:1: expected source<TAB>target[<TAB>comment], found 1 field(s)");
        Assert.Contains("al-Shara", Translations(await Translate(new { q = Texts, source = "ar", target = "en", glossary = "الشرع,al-Shara", glossary_format = "csv" }))[2], StringComparison.Ordinal);
        await RunningServer.AssertError(await Server.PostJson("/glossaries", JsonSerializer.Serialize(new { name = "x", source_lang = "en", target_lang = "fr", entries = Entries })),
            400, "en-fr is not a served language pair");
        const string empty = "the glossary has no entries (source<TAB>target lines): nothing to store";
        await RunningServer.AssertError(await Server.PostJson("/glossaries", JsonSerializer.Serialize(new { name = "x", source_lang = "ar", target_lang = "en", entries = "\n\n" })), 400, empty);
        await RunningServer.AssertDeepLError(await Server.PostJson("/v2/glossaries", JsonSerializer.Serialize(new { name = "x", source_lang = "ar", target_lang = "en", entries = "\n" })), 400, empty);
        const string nul = "Invalid request: the glossary holds a NUL character (at character 9): binary data, not text";
        await RunningServer.AssertError(await Server.PostJson("/glossaries", JsonSerializer.Serialize(new { name = "x", source_lang = "ar", target_lang = "en", entries = "الشرع\tal-\0Shara" })), 400, nul);
        await RunningServer.AssertError(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = "نص", source = "ar", target = "en", glossary = "الشرع\tal-\0Shara" })), 400, nul);
        await RunningServer.AssertDeepLError(await Server.PostJson("/v2/glossaries", JsonSerializer.Serialize(new { name = "x", source_lang = "ar", target_lang = "en", entries = "الشرع\tal-\0Shara" })), 400, nul);
    }
}
