using System.Text;
using System.Text.Json;

namespace Tarjama.Server.Tests;

/// <summary>DeepL API v2's text endpoints against the real server and the tiny real model: DeepL's field names,
/// answers, error bodies and status codes.</summary>
public sealed class DeepLApiTests(TinyServer tiny) : IClassFixture<TinyServer>
{
    private RunningServer Server => tiny.Server;

    [Fact]
    public async Task Translate_takes_repeated_text_fields_and_answers_each_in_order()
    {
        var (status, body) = await Server.PostDeepL("/v2/translate", ("text", "مرحبا"), ("text", "الأخبار"), ("text", "مرحبا"), ("source_lang", "AR"), ("target_lang", "EN-US"));
        Assert.Equal(200, status);
        var translations = body.GetProperty("translations").EnumerateArray().ToList();
        Assert.Equal(3, translations.Count);
        Assert.All(translations, t => Assert.Equal("AR", t.GetProperty("detected_source_language").GetString()));
        Assert.Equal(translations[0].GetProperty("text").GetString(), translations[2].GetProperty("text").GetString());
        var (_, libre) = await RunningServer.Read(await Server.PostJson("/translate", """{"q": "مرحبا", "source": "ar", "target": "en"}"""));
        Assert.Equal(libre.GetProperty("translatedText").GetString(), translations[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_text_holding_a_nul_is_refused_as_a_text_and_not_billed()
    {
        var (_, before) = await RunningServer.Read(await Server.Client.GetAsync("/v2/usage"));
        await RunningServer.AssertDeepLError(await Server.PostJson("/v2/translate", """{"text": ["مرحبا", "الأخبار\u0000"], "source_lang": "AR", "target_lang": "EN-US"}"""),
            400, "Invalid request: text 2 of 2 holds a NUL character (at character 7): binary data, not text");
        var (_, after) = await RunningServer.Read(await Server.Client.GetAsync("/v2/usage"));
        Assert.Equal(before.GetProperty("character_count").GetInt64(), after.GetProperty("character_count").GetInt64());
    }

    [Fact]
    public async Task Translate_takes_a_json_body_and_detects_the_source()
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/v2/translate", """{"text": ["الأخبار اليوم"], "target_lang": "en-gb", "show_billed_characters": true}"""));
        Assert.Equal(200, status);
        var translation = Assert.Single(body.GetProperty("translations").EnumerateArray());
        Assert.Equal("AR", translation.GetProperty("detected_source_language").GetString());
        Assert.Equal("الأخبار اليوم".Length, translation.GetProperty("billed_characters").GetInt32());
    }

    [Fact]
    public async Task Billed_characters_are_code_points_without_the_tags_as_deepl_bills()
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/v2/translate",
            """{"text": ["<p class=\"lead\">الأخبار 🙂</p>", "الأخبار 🙂"], "target_lang": "EN-US", "source_lang": "AR", "tag_handling": "html", "show_billed_characters": true}"""));
        Assert.Equal(200, status);
        Assert.Equal([9L, 9L], body.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("billed_characters").GetInt64()));
    }

    [Fact]
    public async Task Text_already_in_the_target_language_or_without_letters_comes_back_as_it_is()
    {
        var (status, body) = await RunningServer.Read(await Server.PostJson("/v2/translate", """{"text": ["2024", "CNN", "", "—"], "target_lang": "EN-US"}"""));
        Assert.Equal(200, status);
        Assert.Equal(["2024", "CNN", "", "—"], body.GetProperty("translations").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        Assert.All(body.GetProperty("translations").EnumerateArray(), t => Assert.Equal("EN", t.GetProperty("detected_source_language").GetString()));
        // Named, the pair must be served.
        await RunningServer.AssertDeepLError(await Server.PostForm("/v2/translate", ("text", "CNN"), ("source_lang", "EN"), ("target_lang", "EN-US")), 400,
            "Bad request. Reason: Translating from EN to EN is not supported.");
        // Its options are checked as a translated text's are: coming back as it is does not make a bad value good.
        foreach (var (name, value) in new[] { ("outline_detection", "maybe"), ("tm", "2") })
        {
            await RunningServer.AssertDeepLError(await Server.PostForm("/v2/translate", ("text", "2024"), ("target_lang", "EN-US"), ("tag_handling", "xml"), (name, value)), 400,
                $"Invalid request: {name} parameter must be 0, 1, true or false");
        }
    }

    [Fact]
    public async Task Html_tag_handling_keeps_the_markup()
    {
        var (status, body) = await Server.PostDeepL("/v2/translate", ("text", "<p>مرحبا <b>بالعالم</b></p>"), ("target_lang", "EN"), ("tag_handling", "html"));
        Assert.Equal(200, status);
        Assert.Matches("^<p>[^<]*<b>[^<]*</b>[^<]*</p>$", body.GetProperty("translations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ignored_tags_keep_their_content_untranslated()
    {
        var (status, body) = await Server.PostDeepL("/v2/translate", ("text", "<p>مرحبا <keep>بالعالم</keep> <b>الأخبار</b></p>"), ("target_lang", "EN-US"),
            ("tag_handling", "html"), ("ignore_tags", "keep,x"));
        Assert.Equal(200, status);
        string text = body.GetProperty("translations")[0].GetProperty("text").GetString()!;
        Assert.Contains("<keep>بالعالم</keep>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("الأخبار", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xml_tag_handling_keeps_the_documents_own_elements()
    {
        var (status, body) = await Server.PostDeepL("/v2/translate", ("text", "<story><hl>مرحبا</hl><p>الأخبار <n:name xmlns:n=\"urn:n\" id=\"1\">بالعالم</n:name><br/> <keep>اليوم</keep></p></story>"),
            ("target_lang", "EN-US"), ("tag_handling", "xml"), ("ignore_tags", "keep"));
        Assert.Equal(200, status);
        string text = body.GetProperty("translations")[0].GetProperty("text").GetString()!;
        // Read as XML, not HTML: <br/> stays empty and in place, the prefixed element keeps its name, <hl> is not dropped.
        Assert.Matches("^<story><hl>[^<]+</hl><p>[^<]*<n:name xmlns:n=\"urn:n\" id=\"1\">[^<]*</n:name>[^<]*<br />[^<]*<keep>اليوم</keep>[^<]*</p></story>$", text);
        Assert.DoesNotMatch("[\u0621-\u064A]+[^<]*</hl>", text);
    }

    [Fact]
    public async Task Xml_splitting_tags_cut_sentences_and_outline_detection_can_be_off()
    {
        var (_, split) = await Server.PostDeepL("/v2/translate", ("text", "<p>مرحبا <s>بالعالم</s></p>"), ("target_lang", "EN"), ("tag_handling", "xml"), ("splitting_tags", "s"));
        var (_, whole) = await Server.PostDeepL("/v2/translate", ("text", "<p>مرحبا <s>بالعالم</s></p>"), ("target_lang", "EN"), ("tag_handling", "xml"));
        Assert.Matches("^<p>[^<]*<s>[^<]+</s></p>$", split.GetProperty("translations")[0].GetProperty("text").GetString());
        Assert.Matches("^<p>[^<]*<s>[^<]*</s>[^<]*</p>$", whole.GetProperty("translations")[0].GetProperty("text").GetString());
        var (status, _) = await Server.PostDeepL("/v2/translate", ("text", "<r><a>مرحبا</a><a>بالعالم</a></r>"), ("target_lang", "EN"), ("tag_handling", "xml"), ("outline_detection", "0"));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Languages_lists_sources_and_target_variants()
    {
        var (_, sources) = await Server.PostDeepL("/v2/languages", ("type", "source"));
        Assert.Equal(["AR"], sources.EnumerateArray().Select(l => l.GetProperty("language").GetString()));
        var (_, targets) = await RunningServer.Read(await Server.Client.GetAsync("/v2/languages?type=target"));
        Assert.Equal(["EN-GB", "EN-US"], targets.EnumerateArray().Select(l => l.GetProperty("language").GetString()));
        Assert.False(targets[0].GetProperty("supports_formality").GetBoolean());
    }

    [Fact]
    public async Task Usage_counts_the_characters_translated()
    {
        var (_, before) = await Server.PostDeepL("/v2/usage");
        await Server.PostDeepL("/v2/translate", ("text", "مرحبا"), ("target_lang", "EN-US"));
        var (status, after) = await Server.PostDeepL("/v2/usage");
        Assert.Equal(200, status);
        Assert.True(after.GetProperty("character_count").GetInt64() >= before.GetProperty("character_count").GetInt64() + 5);
        Assert.True(after.GetProperty("character_limit").GetInt64() > 0);
    }

    [Theory]
    [InlineData("target_lang=EN-US", "Bad request. Reason: Parameter 'text' not specified.")]
    [InlineData("text=x", "Bad request. Reason: Parameter 'target_lang' not specified.")]
    [InlineData("text=x&target_lang=DE", "Bad request. Reason: Value for 'target_lang' not supported.")]
    [InlineData("text=x&target_lang=EN&source_lang=XX", "Bad request. Reason: Value for 'source_lang' not supported.")]
    [InlineData("text=x&target_lang=EN&tag_handling=json", "Bad request. Reason: Value for 'tag_handling' not supported.")]
    [InlineData("text=x&target_lang=EN&formality=rude", "Bad request. Reason: Value for 'formality' not supported.")]
    [InlineData("text=%3Cp%3Ex%3Cb%3E%3C%2Fp%3E&target_lang=EN&source_lang=AR&tag_handling=xml", "not well-formed XML at line 1, column 8")]
    [InlineData("text=x&target_lang=EN&source_lang=AR&tag_handling=xml&outline_detection=maybe", "Invalid request: outline_detection parameter must be 0, 1, true or false")]
    [InlineData("text=x&target_lang=EN&split_sentences=2", "Bad request. Reason: Value for 'split_sentences' not supported.")]
    public async Task Bad_requests_get_400_with_a_message(string form, string message)
    {
        var response = await Server.PostBytes("/v2/translate", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded");
        await RunningServer.AssertDeepLError(response, 400, message);
    }

    [Theory]
    [InlineData("""{"text": ["x"], "target_lang": "EN", "show_billed_characters": 1}""", "Invalid request: show_billed_characters parameter must be 0, 1, true or false")]
    [InlineData("""{"text": ["x"], "target_lang": "EN", "preserve_formatting": {}}""", "Invalid request: preserve_formatting parameter must be 0, 1, true or false")]
    // DeepL's API takes split_sentences as text only ("0", "1", "nonewlines"; its own mock server refuses a number).
    [InlineData("""{"text": ["x"], "target_lang": "EN", "split_sentences": 0}""", "Invalid request: split_sentences parameter must be a string")]
    public async Task Json_options_of_the_wrong_type_get_400_saying_what_they_take(string json, string message)
    {
        // Before: a flag that was a number was refused as "must be a string", though true and false are what JSON sends.
        await RunningServer.AssertDeepLError(await Server.PostJson("/v2/translate", json), 400, message);
    }

    [Fact]
    public async Task A_document_upload_cut_before_its_closing_boundary_is_a_400()
    {
        byte[] cut = "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nمرحبا"u8.ToArray();
        await RunningServer.AssertDeepLError(await Server.PostBytes("/v2/document", cut, "multipart/form-data; boundary=zzz"), 400,
            "Invalid request: the multipart body ends before its closing boundary");
    }

    [Fact]
    public async Task Too_many_texts_and_too_large_bodies_are_refused()
    {
        string many = string.Join('&', Enumerable.Repeat("text=x", 51)) + "&target_lang=EN";
        await RunningServer.AssertDeepLError(await Server.PostBytes("/v2/translate", Encoding.UTF8.GetBytes(many), "application/x-www-form-urlencoded"), 400,
            "Bad request. Reason: Too many texts: at most 50 per request.");
        string large = JsonSerializer.Serialize(new { text = new[] { new string('x', 129 * 1024) }, target_lang = "EN" });
        var (status, body) = await RunningServer.Read(await Server.PostJson("/v2/translate", large));
        Assert.Equal(413, status);
        Assert.True(body.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Unknown_routes_under_v2_answer_in_deepl_shape()
    {
        await RunningServer.AssertDeepLError(await Server.Client.GetAsync("/v2/nothing-here"), 404, "Not Found");
    }

    [Fact]
    public async Task An_unknown_glossary_is_not_found()
    {
        var response = await Server.PostBytes("/v2/translate", Encoding.UTF8.GetBytes("text=x&target_lang=EN&source_lang=AR&glossary_id=nope"), "application/x-www-form-urlencoded");
        await RunningServer.AssertDeepLError(response, 404, "Glossary not found.");
    }

    [Fact]
    public async Task A_document_without_letters_needs_no_source_lang()
    {
        // Figures tell no language: they were taken for English and refused as English into English.
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("2024\n1,250\n"u8.ToArray()), "file", "table.txt" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, ids) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(200, status);
        Assert.True(ids.TryGetProperty("document_id", out _));
    }

    [Theory]
    [InlineData("news.html", "<h1>الأخبار</h1>\n<p>مرحبا بالعالم</p>\n", 22)]
    [InlineData("news.xlf", "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ar\"><file id=\"f\">"
        + "<unit id=\"1\"><segment><source>مرحبا <pc id=\"1\">بالعالم</pc></source></segment></unit></file></xliff>\n", 15)]
    public async Task A_document_goes_up_is_translated_in_the_background_and_comes_down_once(string fileName, string document, long billed)
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(document)), "file", fileName },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, ids) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(200, status);
        string id = ids.GetProperty("document_id").GetString()!, key = ids.GetProperty("document_key").GetString()!;
        var (_, state) = await Server.PostDeepL($"/v2/document/{id}", ("document_key", key));
        for (int poll = 0; poll < 600 && state.GetProperty("status").GetString() is "queued" or "translating"; poll++)
        {
            await Task.Delay(100);
            (_, state) = await Server.PostDeepL($"/v2/document/{id}", ("document_key", key));
        }
        Assert.Equal("done", state.GetProperty("status").GetString());
        // Its text is billed, not its markup: every character between the tags, line breaks included.
        Assert.Equal(billed, state.GetProperty("billed_characters").GetInt64());
        await RunningServer.AssertDeepLError(await Server.PostForm($"/v2/document/{id}/result", ("document_key", "wrong")), 404, "Document not found.");
        var result = await Server.PostForm($"/v2/document/{id}/result", ("document_key", key));
        Assert.Equal(200, (int)result.StatusCode);
        string translated = await result.Content.ReadAsStringAsync();
        Assert.NotEqual(document, translated);
        using var direct = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(document)), "file", fileName },
            { new StringContent("ar"), "source" },
            { new StringContent("en"), "target" },
        };
        Assert.Equal(await (await Server.Client.PostAsync("/translate_document", direct)).Content.ReadAsStringAsync(), translated);
        await RunningServer.AssertDeepLError(await Server.PostForm($"/v2/document/{id}/result", ("document_key", key)), 404, "Document not found.");
    }

    [Fact]
    public async Task A_word_document_comes_down_as_word_without_a_text_charset()
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(WordDocuments.OneParagraph("مرحبا بالعالم")), "file", "report.docx" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (_, ids) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", upload));
        string id = ids.GetProperty("document_id").GetString()!, key = ids.GetProperty("document_key").GetString()!;
        for (int poll = 0; poll < 600 && (await Server.PostDeepL($"/v2/document/{id}", ("document_key", key))).Body.GetProperty("status").GetString() != "done"; poll++)
        {
            await Task.Delay(100);
        }
        using var result = await Server.PostForm($"/v2/document/{id}/result", ("document_key", key));
        Assert.Equal(200, (int)result.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.Content.Headers.ContentType?.MediaType);
        Assert.Null(result.Content.Headers.ContentType?.CharSet); // a ZIP package, not text
        Assert.Equal("PK"u8.ToArray(), (await result.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task Unsupported_documents_are_refused()
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent([0x50, 0x4b, 3, 4]), "file", "report.pdf" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", upload));
        Assert.Equal(400, status);
        Assert.Contains("'file' not supported", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bad_glossaries_are_refused()
    {
        var (status, body) = await Server.PostDeepL("/v2/glossaries", ("name", "g"), ("source_lang", "AR"), ("target_lang", "EN"), ("entries", "الشرع\tal-Shara\nالشرع\tal-Sharaa\n"));
        Assert.Equal(400, status);
        Assert.Contains("2", body.GetProperty("message").GetString());
        await RunningServer.AssertDeepLError(await Server.PostForm("/v2/glossaries", ("name", "g"), ("source_lang", "FR"), ("target_lang", "EN"), ("entries", "a\tb")), 400,
            "Bad request. Reason: Value for 'source_lang' not supported.");
    }

    [Theory]
    [InlineData("not a zip at all", "not a DOCX file")]
    [InlineData("PK\u0003\u0004 truncated", "not a DOCX file")]
    public async Task A_corrupt_word_document_is_a_400_on_the_file_endpoints_and_an_error_status_on_v2(string content, string message)
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "file", "report.docx" },
            { new StringContent("ar"), "source" },
            { new StringContent("en"), "target" },
        };
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_document", upload));
        Assert.Equal(400, status);
        Assert.Contains(message, body.GetProperty("error").GetString());
        using var deepL = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "file", "report.docx" },
            { new StringContent("AR"), "source_lang" },
            { new StringContent("EN-US"), "target_lang" },
        };
        var (_, ids) = await RunningServer.Read(await Server.Client.PostAsync("/v2/document", deepL));
        string id = ids.GetProperty("document_id").GetString()!, key = ids.GetProperty("document_key").GetString()!;
        var (_, state) = await Server.PostDeepL($"/v2/document/{id}", ("document_key", key));
        for (int poll = 0; poll < 300 && state.GetProperty("status").GetString() is "queued" or "translating"; poll++)
        {
            await Task.Delay(100);
            (_, state) = await Server.PostDeepL($"/v2/document/{id}", ("document_key", key));
        }
        Assert.Equal("error", state.GetProperty("status").GetString());
        Assert.Contains(message, state.GetProperty("error_message").GetString());
    }

}
