using System.Text.Json;

namespace Tarjama.Server.Tests;

/// <summary>The OPUS-CAT and Apertium APy shapes, requested as the CAT-tool connectors send them (OPUS-CAT's OmegaT,
/// memoQ and Trados plugins; OmegaT's Apertium connector with a custom server URL), and LibreTranslate by GET.</summary>
public sealed class CatToolApiTests(TinyServer tiny) : IClassFixture<TinyServer>
{
    private RunningServer Server => tiny.Server;

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private async Task<string> LibreTranslation(string text)
    {
        var (_, body) = await RunningServer.Read(await Server.PostJson("/translate", JsonSerializer.Serialize(new { q = text, source = "ar", target = "en" })));
        return body.GetProperty("translatedText").GetString()!;
    }

    [Fact]
    public async Task Opus_cat_translate_json_as_the_omegat_plugin_asks()
    {
        // OpusCatTranslator.createRequest: input, srcLangCode, trgLangCode, tokenCode=0, modelTag empty; OmegaT language codes.
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync(
            $"/MTRestService/TranslateJson?input={Escape("مرحبا بالعالم")}&modelTag=&srcLangCode=AR&tokenCode=0&trgLangCode=EN-US"));
        Assert.Equal(200, status);
        Assert.Equal(await LibreTranslation("مرحبا بالعالم"), body.GetProperty("translation").GetString());
    }

    [Fact]
    public async Task Opus_cat_memoq_style_request_and_language_pairs()
    {
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync(
            $"/MTRestService/TranslateJson?tokenCode=0&input={Escape("الأخبار")}&srcLangCode=ara&trgLangCode=eng&modelTag=\"\""));
        Assert.Equal(200, status);
        Assert.Equal(await LibreTranslation("الأخبار"), body.GetProperty("translation").GetString());
        var (_, pairs) = await RunningServer.Read(await Server.Client.GetAsync("/MTRestService/ListSupportedLanguagePairs?tokenCode=0"));
        Assert.Equal(["ar-en"], pairs.EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Opus_cat_unknown_pair_is_a_400()
    {
        var (status, _) = await RunningServer.Read(await Server.Client.GetAsync("/MTRestService/TranslateJson?input=x&srcLangCode=fi&trgLangCode=en&tokenCode=0"));
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Apertium_translate_as_omegat_custom_server_asks()
    {
        // ApertiumTranslate: %s/translate?q=%s&markUnknown=%s&langpair=%s|%s&key=%s
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync(
            $"/apy/translate?q={Escape("مرحبا بالعالم")}&markUnknown=no&langpair=ar|en&key="));
        Assert.Equal(200, status);
        Assert.Equal(200, body.GetProperty("responseStatus").GetInt32());
        Assert.Equal(await LibreTranslation("مرحبا بالعالم"), body.GetProperty("responseData").GetProperty("translatedText").GetString());
    }

    [Fact]
    public async Task Apertium_list_pairs_and_errors_in_apy_shape()
    {
        var (_, pairs) = await RunningServer.Read(await Server.Client.GetAsync("/apy/listPairs"));
        var pair = Assert.Single(pairs.GetProperty("responseData").EnumerateArray());
        Assert.Equal(("ara", "eng"), (pair.GetProperty("sourceLanguage").GetString(), pair.GetProperty("targetLanguage").GetString()));
        var (status, error) = await RunningServer.Read(await Server.Client.GetAsync("/apy/translate?q=x&langpair=en|fi"));
        Assert.Equal(400, status);
        Assert.Equal(("error", 400), (error.GetProperty("status").GetString(), error.GetProperty("code").GetInt32()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task Apertium_refusals_before_the_translation_starts_come_in_apy_shape_too()
    {
        await AssertApyError(await Server.PostBytes("/apy/translate", "{\"q\": "u8.ToArray(), "application/json"), 400, "Invalid JSON format");
        await AssertApyError(await Server.PostBytes("/apy/translate", new byte[TinyServer.MaxBodyBytes + 1], "application/x-www-form-urlencoded"), 413, "Request body too large");
        await AssertApyError(await Server.Client.GetAsync("/apy/stats"), 404, "Not Found");
        await AssertApyError(await Server.Client.DeleteAsync("/apy/translate"), 405, "Method Not Allowed");
    }

    [Fact]
    public async Task A_text_holding_a_nul_is_refused_as_a_text_in_each_tools_shape()
    {
        const string message = "Invalid request: the text holds a NUL character (at character 3): binary data, not text";
        await RunningServer.AssertError(await Server.Client.GetAsync("/MTRestService/Translate?input=abc%00&srcLangCode=ar&trgLangCode=en"), 400, message);
        await AssertApyError(await Server.Client.GetAsync("/apy/translate?q=abc%00&langpair=ara|eng"), 400, message);
    }

    /// <summary>Asserts APy's error body: <c>{"status": "error", "code": status, "message": reason, "explanation": ...}</c>.</summary>
    private static async Task AssertApyError(HttpResponseMessage response, int status, string explanation)
    {
        var (code, body) = await RunningServer.Read(response);
        Assert.Equal(status, code);
        Assert.Equal(("error", status, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), explanation),
            (body.GetProperty("status").GetString(), body.GetProperty("code").GetInt32(), body.GetProperty("message").GetString(), body.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task Libre_translate_answers_a_get_with_query_parameters()
    {
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync($"/translate?q={Escape("مرحبا")}&source=ar&target=en"));
        Assert.Equal(200, status);
        Assert.Equal(await LibreTranslation("مرحبا"), body.GetProperty("translatedText").GetString());
    }
}
