using System.Text.Json;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>One NLLB model behind the server serving several pairs, each request's pair sent to it with its texts.</summary>
public sealed class MultilingualServerTests : IAsyncLifetime
{
    private Translator? _model;
    private RunningServer? _server;

    private Translator Model => _model!;
    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.TinyNllb, new TranslatorOptions { Generation = new() { MaxNewTokens = 6 } });
        _server = await RunningServer.Start(new ServerSettings(), _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
    }

    [Fact]
    public async Task Languages_list_every_direction_of_the_model()
    {
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync("/languages"));
        Assert.Equal(200, status);
        var targets = body.EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ToList());
        Assert.Contains("en", targets["ar"]);
        Assert.Contains("ar", targets["en"]);
        Assert.DoesNotContain("ar", targets["ar"]);
        var (_, deepL) = await RunningServer.Read(await Server.Client.GetAsync("/v2/languages?type=target"));
        var codes = deepL.EnumerateArray().Select(l => l.GetProperty("language").GetString()).ToList();
        Assert.Contains("AR", codes);
        Assert.Contains("EN-US", codes);
    }

    [Fact]
    public async Task Deepl_passes_text_without_letters_through_but_not_latin_text_the_script_cannot_place()
    {
        // The model reads many Latin-script languages: "Bonjour" is not known to be English, so it is not returned as is.
        var (_, languages) = await RunningServer.Read(await Server.Client.GetAsync("/languages"));
        Assert.Contains(languages.EnumerateArray(), l => l.GetProperty("code").GetString() is not ("ar" or "en"));
        var (status, body) = await RunningServer.Read(await Server.PostJson("/v2/translate", """{"text": ["2024"], "target_lang": "EN-US"}"""));
        Assert.Equal((200, "2024"), (status, body.GetProperty("translations")[0].GetProperty("text").GetString()));
        var (latin, _) = await RunningServer.Read(await Server.PostJson("/v2/translate", """{"text": ["Bonjour le monde"], "target_lang": "EN-US"}"""));
        Assert.Equal(400, latin);
    }

    [Theory]
    [InlineData("ar", "en", "مرحبا بكم")]
    [InlineData("en", "ar", "thank you")]
    public async Task Each_pair_translates_as_the_library_does_with_that_pair(string source, string target, string text)
    {
        string expected = Model.TranslateDetailed([text], new TranslationOptions { SourceLanguage = source, TargetLanguage = target })[0].Translation;
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = text, source, target })));
        Assert.Equal(200, status);
        Assert.Equal(expected, body.GetProperty("translatedText").GetString());
    }

    [Fact]
    public async Task Requests_for_both_directions_at_once_each_get_their_pair()
    {
        string[] arabic = ["مرحبا بكم", "شكرا جزيلا"];
        string[] english = ["thank you", "the city"];
        var toEnglish = Server.PostJson("/translate", JsonSerializer.Serialize(new { q = arabic, source = "ar", target = "en" }));
        var toArabic = Server.PostJson("/translate", JsonSerializer.Serialize(new { q = english, source = "en", target = "ar" }));
        var (_, english1) = await RunningServer.Read(await toEnglish);
        var (_, arabic1) = await RunningServer.Read(await toArabic);
        Assert.Equal(Model.Translate(arabic), english1.GetProperty("translatedText").EnumerateArray().Select(t => t.GetString()!).ToList());
        Assert.Equal(Model.TranslateDetailed(english, new TranslationOptions { SourceLanguage = "en", TargetLanguage = "ar" }).Select(r => r.Translation).ToList(),
            arabic1.GetProperty("translatedText").EnumerateArray().Select(t => t.GetString()!).ToList());
    }

    [Fact]
    public async Task Alternatives_raise_the_beams_of_a_greedy_model_to_one_more_than_asked()
    {
        const string text = "welcome home";
        var nBest = Model.TranslateDetailed([text], new TranslationOptions { SourceLanguage = "en", TargetLanguage = "ar", Generation = new() { NumBeams = 3, NumReturnSequences = 3 } })[0];
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = text, source = "en", target = "ar", alternatives = 2 })));
        Assert.Equal(200, status);
        Assert.Equal(nBest.Translation, body.GetProperty("translatedText").GetString());
        Assert.Equal(nBest.Alternatives.Select(a => a.Translation).Where(a => a != nBest.Translation).Distinct(),
            body.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public async Task Requests_for_different_pairs_share_one_engine_batch()
    {
        var reports = new List<BatchReport>();
        using var queue = BatchingTranslator.For(Model, new BatchingOptions { MaxWait = TimeSpan.FromSeconds(2), ArrivalGap = TimeSpan.FromSeconds(1), MaxBatchSize = 4 });
        queue.BatchTranslated += reports.Add;
        var toArabic = new TranslationOptions { SourceLanguage = "en", TargetLanguage = "ar" };
        var both = await Task.WhenAll(
            queue.TranslateDetailedAsync(["مرحبا بكم", "شكرا جزيلا"], new TranslationOptions { SourceLanguage = "ar", TargetLanguage = "en" }, null),
            queue.TranslateDetailedAsync(["thank you", "the city"], toArabic, null));
        Assert.Equal((2, 4), (reports.Single().Requests, reports.Single().Segments));
        // The report splits the batch by the pair each request asked for (what /metrics counts).
        Assert.Equal([("ar", "en", 2), ("en", "ar", 2)], reports.Single().Pairs.Select(p => (p.SourceLanguage, p.TargetLanguage, p.Segments)).Order());
        Assert.Equal(reports.Single().GeneratedTokens, reports.Single().Pairs.Sum(p => p.GeneratedTokens));
        Assert.Equal(Model.Translate(["مرحبا بكم", "شكرا جزيلا"]), both[0].Select(r => r.Translation));
        Assert.Equal(Model.TranslateDetailed(["thank you", "the city"], toArabic).Select(r => r.Translation), both[1].Select(r => r.Translation));
    }
}
