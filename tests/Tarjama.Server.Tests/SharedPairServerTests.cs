using System.Text.Json;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>Two models offering the same pair (Marian ar→en beside NLLB): the first one given serves it, a request
/// names the other with <c>model</c>; the lists show each pair once; metrics count the pair each request asked for.</summary>
public sealed class SharedPairServerTests : IAsyncLifetime
{
    private Translator? _marian;
    private Translator? _nllb;
    private RunningServer? _server;

    private RunningServer Server => _server!;

    public async Task InitializeAsync()
    {
        var options = new TranslatorOptions { Generation = new() { MaxNewTokens = 6 } };
        _marian = Translator.Load(TestModels.Tiny, options);
        _nllb = Translator.Load(TestModels.TinyNllb, options);
        _server = await RunningServer.Start(new ServerSettings(),
            [BatchingTranslator.For(_marian, name: "opus-mt-ar-en"), BatchingTranslator.For(_nllb, name: "tiny-nllb")]);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _marian!.Dispose();
        _nllb!.Dispose();
    }

    private async Task<(int Status, JsonElement Body)> Translate(object request) =>
        await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(request)));

    [Fact]
    public async Task The_first_model_serves_the_pair_and_a_request_can_name_the_other()
    {
        const string text = "مرحبا بكم";
        var (status, byDefault) = await Translate(new { q = text, source = "ar", target = "en" });
        Assert.Equal(200, status);
        Assert.Equal(_marian!.Translate([text])[0], byDefault.GetProperty("translatedText").GetString());
        var (named, byNllb) = await Translate(new { q = text, source = "ar", target = "en", model = "tiny-nllb" });
        Assert.Equal(200, named);
        Assert.Equal(_nllb!.Translate([text])[0], byNllb.GetProperty("translatedText").GetString());
        Assert.NotEqual(byDefault.GetProperty("translatedText").GetString(), byNllb.GetProperty("translatedText").GetString());
    }

    [Fact]
    public async Task Lists_show_each_pair_once_and_health_names_the_models()
    {
        var (_, languages) = await RunningServer.Read(await Server.Client.GetAsync("/languages"));
        var arabic = languages.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "ar");
        Assert.Single(arabic.GetProperty("targets").EnumerateArray(), t => t.GetString() == "en");
        var (_, pairs) = await RunningServer.Read(await Server.Client.GetAsync("/apy/listPairs"));
        Assert.Single(pairs.GetProperty("responseData").EnumerateArray(), p => p.GetProperty("sourceLanguage").GetString() == "ara" && p.GetProperty("targetLanguage").GetString() == "eng");
        var (_, health) = await RunningServer.Read(await Server.Client.GetAsync("/health"));
        Assert.Equal(["opus-mt-ar-en", "tiny-nllb"], health.GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("model").GetString()));
    }

    [Theory]
    [InlineData("nope", "ar", "en", "no model named 'nope' is loaded (loaded: opus-mt-ar-en, tiny-nllb)")]
    [InlineData("opus-mt-ar-en", "en", "ar", "model 'opus-mt-ar-en' does not translate English (en) to Arabic (ar)")]
    public async Task A_model_that_is_not_loaded_or_lacks_the_pair_is_a_400(string model, string source, string target, string error)
    {
        var (status, body) = await Translate(new { q = "x", source, target, model });
        Assert.Equal(400, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Metrics_count_the_pair_each_request_asked_for()
    {
        await Translate(new { q = "thank you", source = "en", target = "ar" });
        string text = await Server.Client.GetStringAsync("/metrics");
        Assert.Matches(@"tarjama_translated_segments_total\{pair=""en-ar""\} [1-9]\d*", text);
        Assert.Matches(@"tarjama_generated_tokens_total\{pair=""en-ar""\} [1-9]\d*", text);
    }

    [Fact]
    public async Task Two_models_with_one_name_are_refused()
    {
        using var first = BatchingTranslator.For(_marian!, name: "same");
        using var second = BatchingTranslator.For(_nllb!, name: "same");
        var error = await Assert.ThrowsAsync<TarjamaException>(() => TarjamaServer.StartAsync(new ServerSettings { Port = 0 }, [first, second]));
        Assert.Equal("two models are named 'same': requests could not choose between them", error.Message);
    }
}
