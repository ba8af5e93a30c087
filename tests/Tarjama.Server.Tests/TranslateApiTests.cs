using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>LibreTranslate's text endpoints against the real server and the tiny real model: shapes, parameters and errors.</summary>
public sealed class TranslateApiTests(TinyServer tiny) : IClassFixture<TinyServer>
{
    private RunningServer Server => tiny.Server;

    [Fact]
    public async Task Translate_takes_a_json_string_and_answers_a_string()
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate", """{"q": "مرحبا بالعالم", "source": "ar", "target": "en"}"""));
        Assert.Equal(200, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("translatedText").GetString()));
        Assert.Equal(["translatedText"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Translate_takes_an_array_and_answers_an_array_in_order()
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate", """{"q": ["مرحبا", "الأخبار", "مرحبا"], "source": "ar", "target": "en"}"""));
        Assert.Equal(200, status);
        var texts = body.GetProperty("translatedText").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Equal(texts[0], texts[2]);
    }

    [Fact]
    public async Task Translate_takes_urlencoded_and_multipart_forms_and_the_query_string()
    {
        var json = await RunningServer.Read(await Server.PostJson("/translate", """{"q": "مرحبا", "source": "ar", "target": "en"}"""));
        var form = await RunningServer.Read(await Server.PostForm("/translate", ("q", "مرحبا"), ("source", "ar"), ("target", "en")));
        using var multipart = new MultipartFormDataContent { { new StringContent("مرحبا"), "q" }, { new StringContent("ar"), "source" }, { new StringContent("en"), "target" } };
        var parts = await RunningServer.Read(await Server.Client.PostAsync("/translate", multipart));
        var query = await RunningServer.Read(await Server.Client.PostAsync("/translate?q=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&source=ar&target=en", null));
        string expected = json.Body.GetProperty("translatedText").GetString()!;
        Assert.All(new[] { form, parts, query }, answer => Assert.Equal((200, expected), (answer.Status, answer.Body.GetProperty("translatedText").GetString())));
    }

    [Fact]
    public async Task Lines_are_translated_one_by_one_keeping_blank_lines()
    {
        var (_, body) = await RunningServer.Read(await Server.PostForm("/translate", ("q", "مرحبا\r\n\r\nالأخبار"), ("source", "ar"), ("target", "en")));
        var lines = body.GetProperty("translatedText").GetString()!.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[1]);
    }

    [Fact]
    public async Task Each_line_keeps_its_own_line_end()
    {
        var (_, body) = await RunningServer.Read(await Server.PostJson("/translate", """{"q": ["مرحبا\r\nالأخبار\nاليوم\r"], "source": "ar", "target": "en"}"""));
        string translated = body.GetProperty("translatedText")[0].GetString()!;
        Assert.Equal(["\r\n", "\n", "\r"], System.Text.RegularExpressions.Regex.Matches(translated, "\r\n|\n|\r").Select(m => m.Value));
    }

    [Fact]
    public async Task Html_keeps_its_markup_around_the_translated_text()
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/translate",
            """{"q": ["<p>مرحبا <b>بالعالم</b></p>", "<ul><li>الأخبار</li></ul>"], "source": "ar", "target": "en", "format": "html"}"""));
        Assert.Equal(200, status);
        var texts = body.GetProperty("translatedText").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Matches("^<p>[^<]*<b>[^<]*</b>[^<]*</p>$", texts[0]);
        Assert.Matches("^<ul><li>[^<]+</li></ul>$", texts[1]);
    }

    [Fact]
    public async Task Auto_source_reports_the_detected_language()
    {
        var (_, single) = await RunningServer.Read(await Server.PostJson("/translate", """{"q": "مرحبا بالعالم", "source": "auto", "target": "en"}"""));
        Assert.Equal("ar", single.GetProperty("detectedLanguage").GetProperty("language").GetString());
        Assert.Equal(100, single.GetProperty("detectedLanguage").GetProperty("confidence").GetDouble());
        var (_, batch) = await RunningServer.Read(await Server.PostJson("/translate", """{"q": ["مرحبا", "بالعالم"], "source": "auto", "target": "en"}"""));
        Assert.Equal(2, batch.GetProperty("detectedLanguage").GetArrayLength());
        // HTML by its text, not its tag names and attributes.
        var (status, html) = await RunningServer.Read(await Server.PostJson("/translate",
            """{"q": "<a href=\"https://example.com/news/today\" class=\"link\">مرحبا</a>", "source": "auto", "target": "en", "format": "html"}"""));
        Assert.Equal((200, "ar"), (status, html.GetProperty("detectedLanguage").GetProperty("language").GetString()));
    }

    [Fact]
    public async Task Alternatives_are_the_beams_other_hypotheses()
    {
        const string text = "مرحبا بكم في المدينة";
        var nBest = tiny.Model.TranslateDetailed([text], new TranslationOptions { Generation = new() { NumReturnSequences = 3 } })[0];
        var (status, single) = await RunningServer.Read(await Server.PostJson("/translate", $$"""{"q": "{{text}}", "source": "ar", "target": "en", "alternatives": 2}"""));
        Assert.Equal(200, status);
        Assert.Equal(nBest.Translation, single.GetProperty("translatedText").GetString());
        var expected = nBest.Alternatives.Select(a => a.Translation).Where(a => a != nBest.Translation).Distinct().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, single.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()!).ToList());
        var (_, batch) = await RunningServer.Read(await Server.PostForm("/translate", ("q", "مرحبا"), ("source", "ar"), ("target", "en"), ("alternatives", "1")));
        Assert.Equal(JsonValueKind.Array, batch.GetProperty("alternatives").ValueKind);
    }

    [Theory]
    [InlineData("""{"source": "ar", "target": "en"}""", "Invalid request: missing q parameter")]
    [InlineData("""{"q": "", "source": "ar", "target": "en"}""", "Invalid request: missing q parameter")]
    [InlineData("""{"q": [], "source": "ar", "target": "en"}""", "Invalid request: missing q parameter")]
    [InlineData("""{"q": "مرحبا", "target": "en"}""", "Invalid request: missing source parameter")]
    [InlineData("""{"q": "مرحبا", "source": "ar"}""", "Invalid request: missing target parameter")]
    [InlineData("""{"q": "مرحبا", "source": "xx", "target": "en"}""", "xx is not supported")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "zz"}""", "zz is not supported")]
    [InlineData("""{"q": "hello", "source": "en", "target": "ar"}""", "Arabic (ar) is not available as a target language from English (en)")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "format": "pdf"}""", "pdf format is not supported")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": "many"}""", "Invalid request: alternatives parameter is not a number")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": 1.5}""", "Invalid request: alternatives parameter is not a number")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": 99999999999}""", "Invalid request: alternatives parameter is out of range")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": "-99999999999"}""", "Invalid request: alternatives parameter is out of range")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": 4}""", "Invalid request: alternatives parameter must be <= 3")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": -1}""", "Invalid request: alternatives parameter must be between 0 and 3 (got -1)")]
    [InlineData("""{"q": "مرحبا", "source": "ar", "target": "en", "alternatives": "-2"}""", "Invalid request: alternatives parameter must be between 0 and 3 (got -2)")]
    [InlineData("""{"q": 42, "source": "ar", "target": "en"}""", "Invalid request: q parameter must be a string or an array of strings")]
    [InlineData("""{"q": ["a", 1], "source": "ar", "target": "en"}""", "Invalid request: q parameter must be a string or an array of strings")]
    [InlineData("""{"q": "مرحبا", "source": ["ar"], "target": "en"}""", "Invalid request: source parameter must be a string")]
    [InlineData("""{"q": "abc\u0000def", "source": "ar", "target": "en"}""", "Invalid request: the text holds a NUL character (at character 3): binary data, not text")]
    [InlineData("""{"q": "<p>abc\u0000</p>", "source": "ar", "target": "en", "format": "html"}""", "Invalid request: the text holds a NUL character (at character 6): binary data, not text")]
    [InlineData("""{"q": "abc\u0000", "source": "ar", "target": "en", "alternatives": 1}""", "Invalid request: the text holds a NUL character (at character 3): binary data, not text")]
    [InlineData("""{"q": ["مرحبا", "a\u0000"], "source": "ar", "target": "en"}""", "Invalid request: text 2 of 2 holds a NUL character (at character 1): binary data, not text")]
    [InlineData("""["q", "مرحبا"]""", "Invalid JSON format")]
    [InlineData("""{"q": "مرحبا", "source": "ar",""", "Invalid JSON format")]
    [InlineData("", "Invalid JSON format")]
    public async Task Bad_requests_get_400_with_libretranslates_message(string json, string message) =>
        await RunningServer.AssertError(await Server.PostJson("/translate", json), 400, message);

    [Fact]
    public async Task A_form_without_fields_is_missing_q()
    {
        await RunningServer.AssertError(await Server.PostForm("/translate"), 400, "Invalid request: missing q parameter");
        await RunningServer.AssertError(await Server.PostBytes("/translate", "q=x"u8.ToArray(), "text/plain"), 400, "Invalid request: missing q parameter");
    }

    [Fact]
    public async Task Texts_over_the_char_limit_and_arrays_over_the_batch_limit_are_refused()
    {
        string tooLong = new('ب', TinyServer.CharLimit + 1);
        await RunningServer.AssertError(await Server.PostForm("/translate", ("q", tooLong), ("source", "ar"), ("target", "en")),
            400, $"Invalid request: request ({TinyServer.CharLimit + 1}) exceeds text limit ({TinyServer.CharLimit})");
        string many = JsonSerializer.Serialize(Enumerable.Repeat("a", TinyServer.BatchLimit + 1));
        await RunningServer.AssertError(await Server.PostJson("/translate", $$"""{"q": {{many}}, "source": "ar", "target": "en"}"""),
            400, $"Invalid request: request ({TinyServer.BatchLimit + 1}) exceeds text limit ({TinyServer.BatchLimit})");
    }

    [Fact]
    public async Task Malformed_bodies_get_4xx_json_never_500()
    {
        byte[] invalidUtf8 = [.. "{\"q\": \""u8, 0xC3, 0x28, .. "\", \"source\": \"ar\", \"target\": \"en\"}"u8];
        await RunningServer.AssertError(await Server.PostBytes("/translate", invalidUtf8, "application/json"), 400, "Invalid JSON format");
        string deep = new string('[', 5000) + new string(']', 5000);
        await RunningServer.AssertError(await Server.PostJson("/translate", deep), 400, "Invalid JSON format");
        string huge = JsonSerializer.Serialize(Enumerable.Repeat("مرحبا", 100_000));
        // Expect: 100-continue lets the server refuse before the body is sent, as curl does for big bodies.
        var tooBig = new HttpRequestMessage(HttpMethod.Post, "/translate") { Content = new StringContent($$"""{"q": {{huge}}, "source": "ar", "target": "en"}""", Encoding.UTF8, "application/json") };
        tooBig.Headers.ExpectContinue = true;
        await RunningServer.AssertError(await Server.Client.SendAsync(tooBig), 413, "Request body too large");
        var (status, _) = await RunningServer.Read(await Server.PostBytes("/translate", [.. "q="u8, 0xFF, 0xFE, .. "&source=ar&target=en"u8], "application/x-www-form-urlencoded"));
        Assert.InRange(status, 200, 499);
    }

    [Theory]
    [InlineData("/translate")]
    [InlineData("/translate_file")]
    [InlineData("/jobs")]
    public async Task A_multipart_body_cut_before_its_closing_boundary_is_a_400(string path)
    {
        byte[] cut = "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nمرحبا"u8.ToArray();
        await RunningServer.AssertError(await Server.PostBytes(path, cut, "multipart/form-data; boundary=zzz"), 400,
            "Invalid request: the multipart body ends before its closing boundary");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413()
    {
        var content = new StreamContent(new MemoryStream(new byte[200 * 1024]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/translate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await RunningServer.AssertError(await Server.Client.SendAsync(request), 413, "Request body too large");
    }

    [Fact]
    public async Task Detect_tells_arabic_from_english_by_script()
    {
        var (status, body) = await RunningServer.Read(await Server.PostForm("/detect", ("q", "مرحبا بالعالم")));
        Assert.Equal(200, status);
        Assert.Equal("ar", body[0].GetProperty("language").GetString());
        Assert.Equal(100, body[0].GetProperty("confidence").GetDouble());
        var (_, english) = await RunningServer.Read(await Server.PostJson("/detect", """{"q": "Hello world"}"""));
        Assert.Equal("en", english[0].GetProperty("language").GetString());
        var (_, none) = await RunningServer.Read(await Server.PostJson("/detect", """{"q": "1234"}"""));
        Assert.Equal((0.0, "en"), (none[0].GetProperty("confidence").GetDouble(), none[0].GetProperty("language").GetString()));
        await RunningServer.AssertError(await Server.PostJson("/detect", "{}"), 400, "Invalid request: missing q parameter");
    }

    [Fact]
    public async Task Languages_follow_from_the_loaded_models()
    {
        var (status, body) = await RunningServer.Read(await Server.Client.GetAsync("/languages"));
        Assert.Equal(200, status);
        Assert.Equal("""[{"code":"ar","name":"Arabic","targets":["en"]},{"code":"en","name":"English","targets":[]}]""", body.GetRawText());
    }

    [Fact]
    public async Task Frontend_settings_have_libretranslates_shape()
    {
        var (_, body) = await RunningServer.Read(await Server.Client.GetAsync("/frontend/settings"));
        Assert.Equal(TinyServer.CharLimit, body.GetProperty("charLimit").GetInt32());
        Assert.False(body.GetProperty("apiKeys").GetBoolean());
        Assert.False(body.GetProperty("keyRequired").GetBoolean());
        Assert.Contains(".txt", body.GetProperty("supportedFilesFormat").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("ar", body.GetProperty("language").GetProperty("source").GetProperty("code").GetString());
        Assert.Equal("English", body.GetProperty("language").GetProperty("target").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_paths_and_wrong_methods_answer_json_errors()
    {
        await RunningServer.AssertError(await Server.Client.GetAsync("/no/such/thing"), 404, "Not Found");
        await RunningServer.AssertError(await Server.Client.GetAsync("/detect"), 405, "Method Not Allowed");
    }

    [Fact]
    public async Task Cors_lets_browsers_call_from_any_origin_by_default()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/translate");
        request.Headers.Add("Origin", "https://example.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "Content-Type");
        using var response = await Server.Client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Cors_lets_browsers_delete_jobs_and_glossaries()
    {
        foreach (string path in new[] { "/jobs/0123", "/v2/glossaries/0123", "/glossaries/0123" })
        {
            var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", "https://example.org");
            request.Headers.Add("Access-Control-Request-Method", "DELETE");
            using var response = await Server.Client.SendAsync(request);
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Contains("DELETE", response.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(','));
        }
    }

    [Fact]
    public async Task A_compressed_body_is_415_in_each_apis_shape_not_misread()
    {
        const string message = "Unsupported Content-Encoding: gzip; send the body uncompressed";
        await RunningServer.AssertError(await Server.Client.PostAsync("/translate", Gzipped("""{"q": "مرحبا", "source": "ar", "target": "en"}""", "application/json")), 415, message);
        await RunningServer.AssertError(await Server.Client.PostAsync("/translate", Gzipped("q=x&source=ar&target=en", "application/x-www-form-urlencoded")), 415, message);
        await RunningServer.AssertDeepLError(await Server.Client.PostAsync("/v2/translate", Gzipped("""{"text": ["مرحبا"], "target_lang": "EN"}""", "application/json")), 415, message);
        using var plain = new StringContent("""{"q": "مرحبا", "source": "ar", "target": "en"}""", Encoding.UTF8, "application/json") { Headers = { ContentEncoding = { "identity" } } };
        Assert.Equal(200, (int)(await Server.Client.PostAsync("/translate", plain)).StatusCode);
    }

    private static ByteArrayContent Gzipped(string body, string contentType)
    {
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }
        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
