using System.Text;

namespace Tarjama.Server.Tests;

/// <summary>/translate_file and /download_file against the real server: upload, translated download, and refusals.</summary>
public sealed class FileApiTests(TinyServer tiny) : IClassFixture<TinyServer>
{
    private RunningServer Server => tiny.Server;

    private static MultipartFormDataContent Upload(byte[] file, string fileName, string source = "ar", string target = "en")
    {
        var content = new MultipartFormDataContent();
        if (fileName.Length > 0 || file.Length > 0)
        {
            content.Add(new ByteArrayContent(file), "file", fileName);
        }
        content.Add(new StringContent(source), "source");
        content.Add(new StringContent(target), "target");
        return content;
    }

    [Fact]
    public async Task An_arabic_word_document_with_source_auto_is_told_by_its_paragraphs_not_its_zip_bytes()
    {
        byte[] document = WordDocuments.OneParagraph("مرحبا بالعالم");
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", Upload(document, "report.docx", source: "auto")));
        Assert.Equal(200, status);
        Assert.Contains("/download_file/", body.GetProperty("translatedFileUrl").GetString());
        using var auto = await Server.Client.PostAsync("/translate_document", Upload(document, "report.docx", source: "auto"));
        using var named = await Server.Client.PostAsync("/translate_document", Upload(document, "report.docx", source: "ar"));
        Assert.Equal((200, 200), ((int)auto.StatusCode, (int)named.StatusCode));
        Assert.Equal(Tarjama.Documents.DocumentSample.Read(await named.Content.ReadAsByteArrayAsync(), "report.docx").Sample,
            Tarjama.Documents.DocumentSample.Read(await auto.Content.ReadAsByteArrayAsync(), "report.docx").Sample);
    }

    [Fact]
    public async Task A_windows_path_sent_as_the_file_name_gives_way_to_the_name_itself()
    {
        const string sent = @"C:\Users\editor\news.ar.txt"; // what a Windows client passing a full path sends
        byte[] document = Encoding.UTF8.GetBytes("مرحبا بالعالم\n");
        using var translated = await Server.Client.PostAsync("/translate_document", Upload(document, sent));
        Assert.Equal("news.en.txt", translated.Content.Headers.ContentDisposition!.FileNameStar);
        var (_, file) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", Upload(document, sent)));
        Assert.EndsWith(".news.ar.txt", file.GetProperty("translatedFileUrl").GetString());
        var (status, job) = await RunningServer.Read(await Server.Client.PostAsync("/jobs", Upload(document, sent)));
        Assert.Equal((202, "news.ar.txt"), (status, job.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_text_file_is_translated_and_downloaded_under_its_own_name_keeping_its_lines()
    {
        using var upload = Upload(Encoding.UTF8.GetBytes("مرحبا\r\n\r\nالأخبار اليوم\r\n"), "خبر عاجل.txt");
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
        var url = new Uri(body.GetProperty("translatedFileUrl").GetString()!);
        Assert.Equal(Server.Address.Authority, url.Authority);
        using var download = await Server.Client.GetAsync(url);
        Assert.Equal(200, (int)download.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", download.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".txt", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var lines = (await download.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(4, lines.Length);
        Assert.Equal(("", ""), (lines[1], lines[3]));
        Assert.NotEqual("", lines[0]);
    }

    [Fact]
    public async Task An_upload_named_past_the_file_systems_limit_is_kept_under_a_shortened_name()
    {
        using var upload = Upload("مرحبا"u8.ToArray(), new string('n', 1000) + ".txt");
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
        using var download = await Server.Client.GetAsync(body.GetProperty("translatedFileUrl").GetString());
        Assert.Equal(200, (int)download.StatusCode);
        Assert.Matches("^n{1,128}\\.txt$", download.Content.Headers.ContentDisposition!.FileName);
    }

    [Fact]
    public async Task Auto_source_works_for_files()
    {
        using var upload = Upload("مرحبا"u8.ToArray(), "a.txt", source: "auto");
        var (status, _) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Auto_source_tells_an_arabic_web_page_by_its_text_not_its_tags()
    {
        byte[] page = Encoding.UTF8.GetBytes("""
            <!DOCTYPE html>
            <html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>الأخبار</title><link rel="stylesheet" href="/static/styles/main.css"></head>
            <body><div class="container"><p class="lead">مرحبا بالعالم</p></div></body></html>
            """);
        using var upload = Upload(page, "news.html", source: "auto");
        var (status, _) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Auto_source_reads_an_arabic_web_page_in_its_legacy_encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] page = Encoding.GetEncoding(1256).GetBytes("""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>الأخبار</title></head>
            <body><p>مرحبا بالعالم</p></body></html>
            """);
        foreach (string endpoint in new[] { "/translate_file", "/translate_document" })
        {
            using var upload = Upload(page, "news.html", source: "auto");
            using var response = await Server.Client.PostAsync(endpoint, upload);
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x42, 0x43, 0x00 }, "a.txt: this is a binary file, not text (a NUL byte at byte offset 3)")]
    [InlineData(new byte[] { 0x28, 0xC3, 0x28 }, "a.txt: invalid UTF-8 at byte offset 1; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)")]
    public async Task An_upload_that_is_not_text_is_refused_as_such_before_auto_detects_its_language(byte[] content, string message)
    {
        foreach (string endpoint in new[] { "/translate_file", "/translate_document" })
        {
            using var upload = Upload(content, "a.txt", source: "auto");
            await RunningServer.AssertError(await Server.Client.PostAsync(endpoint, upload), 400, message);
        }
    }

    [Theory]
    [InlineData("/translate_file", "ar")]
    [InlineData("/translate_file", "auto")]
    [InlineData("/translate_document", "ar")]
    [InlineData("/translate_document", "auto")]
    public async Task An_empty_upload_is_refused_as_an_empty_file(string endpoint, string source)
    {
        using var upload = Upload([], "news.txt", source: source);
        await RunningServer.AssertError(await Server.Client.PostAsync(endpoint, upload), 400, "Invalid request: empty file");
    }

    [Fact]
    public async Task An_upload_without_letters_is_translated_from_auto_and_an_unreadable_one_says_why()
    {
        // Figures tell no language: they were taken for English and refused as English into English.
        using (var figures = Upload("2024\n1,250\n"u8.ToArray(), "table.txt", source: "auto"))
        {
            using var translated = await Server.Client.PostAsync("/translate_document", figures);
            Assert.Equal(200, (int)translated.StatusCode);
        }
        using var broken = Upload("PK\u0003\u0004 not a package"u8.ToArray(), "report.docx", source: "auto");
        var (status, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", broken));
        Assert.Equal(400, status);
        Assert.StartsWith("report.docx: not a DOCX file", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Wrong_uploads_get_libretranslates_errors()
    {
        using (var noFile = Upload([], ""))
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", noFile), 400, "Invalid request: missing file parameter");
        }
        using (var pdf = Upload("%PDF-1.4"u8.ToArray(), "report.pdf"))
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", pdf), 400, "Invalid request: file format not supported");
        }
        using (var noSource = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "a.txt" }, { new StringContent("en"), "target" } })
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", noSource), 400, "Invalid request: missing source parameter");
        }
        using (var unknown = Upload("x"u8.ToArray(), "a.txt", source: "xx"))
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", unknown), 400, "xx is not supported");
        }
        using (var binary = Upload([0x41, 0x42, 0x43, 0x00], "a.txt"))
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", binary), 400, "a.txt: this is a binary file, not text (a NUL byte at byte offset 3)");
        }
        using (var notUtf8 = Upload([0x41, 0xC3, 0x28], "a.txt"))
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", notUtf8), 400, "a.txt: invalid UTF-8 at byte offset 1; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)");
        }
        await RunningServer.AssertError(await Server.PostForm("/translate_file", ("source", "ar"), ("target", "en")), 400, "Invalid request: missing file parameter");
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/translate_file") { Content = Upload(new byte[512 * 1024], "big.txt") };
        request.Headers.ExpectContinue = true;
        await RunningServer.AssertError(await Server.Client.SendAsync(request), 413, "Request body too large");
    }

    [Fact]
    public async Task Downloads_refuse_names_that_could_leave_the_store_and_unknown_files()
    {
        await RunningServer.AssertError(await Server.Client.GetAsync("/download_file/..%2F..%2Fetc%2Fpasswd"), 400, "Invalid filename");
        await RunningServer.AssertError(await Server.Client.GetAsync("/download_file/passwd"), 400, "Invalid filename");
        await RunningServer.AssertError(await Server.Client.GetAsync($"/download_file/{Guid.NewGuid():N}.a.txt"), 404, "Invalid filename: no such file, or it has expired");
    }

    [Theory]
    [InlineData("news.md", "# عنوان\n\nمرحبا بالعالم\n", "^# [^\n]+\n\n[^\n]+\n$")]
    [InlineData("page.html", "<p dir=\"rtl\" lang=\"ar\">مرحبا <a href=\"https://example.org\">بالعالم</a></p>", "^<p dir=\"ltr\" lang=\"en\">[^<]*<a href=\"https://example.org\">[^<]*</a>[^<]*</p>$")]
    public async Task Markdown_and_html_files_keep_their_structure(string fileName, string content, string expected)
    {
        using var upload = Upload(Encoding.UTF8.GetBytes(content), fileName);
        var (_, body) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        string translated = await Server.Client.GetStringAsync(body.GetProperty("translatedFileUrl").GetString());
        Assert.Matches(expected, translated);
    }

    [Fact]
    public async Task Translate_document_answers_with_the_document_itself()
    {
        using var upload = Upload("# عنوان\n\nمرحبا بالعالم\n"u8.ToArray(), "news.md");
        using var response = await Server.Client.PostAsync("/translate_document", upload);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("news.en.md", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("# ", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("news.ar.txt", "", "news.en.txt")]
    [InlineData("news.AR.txt", "tmx", "news.ar-en.tmx")]
    [InlineData("arabic.txt", "", "arabic.en.txt")]
    public async Task Translate_document_names_the_answer_for_the_target_language(string upload, string bilingual, string expected)
    {
        using var form = Upload("مرحبا بالعالم\n"u8.ToArray(), upload);
        if (bilingual.Length > 0)
        {
            form.Add(new StringContent(bilingual), "bilingual");
        }
        using var response = await Server.Client.PostAsync("/translate_document", form);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentDisposition!.FileName);
    }

    [Theory]
    [InlineData("jsonl", "application/x-ndjson; charset=utf-8", "news.ar-en.jsonl", "{\"paragraph\":0,\"segment\":0,\"source\":\"مرحبا بالعالم.\"")]
    [InlineData("tmx", "application/x-tmx+xml; charset=utf-8", "news.ar-en.tmx", "<tmx version=\"1.4\">")]
    [InlineData("html", "text/html; charset=utf-8", "news.ar-en.html", "<html")]
    [InlineData("xliff", "application/xliff+xml; charset=utf-8", "news.ar-en.xlf", "<xliff version=\"2.1\"")]
    public async Task Translate_document_gives_bilingual_views(string bilingual, string contentType, string fileName, string contains)
    {
        using var upload = Upload("مرحبا بالعالم. الأخبار اليوم.\n"u8.ToArray(), "news.txt");
        upload.Add(new StringContent(bilingual), "bilingual");
        using var response = await Server.Client.PostAsync("/translate_document", upload);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains(contains, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_word_document_comes_back_as_xliff_that_merges_into_the_translated_word_document()
    {
        byte[] document = WordDocuments.OneParagraph("مرحبا بالعالم");
        using var upload = Upload(document, "report.ar.docx");
        upload.Add(new StringContent("xliff"), "bilingual");
        upload.Add(new StringContent("1.2"), "xliff_version");
        using var response = await Server.Client.PostAsync("/translate_document", upload);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("report.ar-en.xlf", response.Content.Headers.ContentDisposition!.FileName);
        var xliff = Tarjama.Documents.Xliff.XliffFile.Read(await response.Content.ReadAsStreamAsync(), "report.ar-en.xlf");
        Assert.Equal(Tarjama.Documents.Xliff.XliffVersion.V12, xliff.Version);
        var merged = Tarjama.Documents.Xliff.XliffMerger.Merge(xliff, out var problems);
        Assert.Empty(problems);
        using var word = new MemoryStream();
        merged.WriteTo(word);
        using var translated = await Server.Client.PostAsync("/translate_document", Upload(document, "report.ar.docx"));
        Assert.Equal(Tarjama.Documents.DocumentSample.Read(await translated.Content.ReadAsByteArrayAsync(), "report.docx").Sample,
            Tarjama.Documents.DocumentSample.Read(word.ToArray(), "report.docx").Sample);
    }

    [Fact]
    public async Task Translate_document_refuses_unknown_formats_and_views()
    {
        using (var badFormat = Upload("x"u8.ToArray(), "a.txt"))
        {
            badFormat.Add(new StringContent("pdf"), "format");
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_document", badFormat), 400, "pdf format is not supported");
        }
        using (var badView = Upload("x"u8.ToArray(), "a.txt"))
        {
            badView.Add(new StringContent("csv"), "bilingual");
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_document", badView), 400, "Invalid request: bilingual must be jsonl, tmx, html or xliff (got csv)");
        }
        using (var badVersion = Upload("x"u8.ToArray(), "a.txt"))
        {
            badVersion.Add(new StringContent("xliff"), "bilingual");
            badVersion.Add(new StringContent("2.0"), "xliff_version");
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_document", badVersion), 400, "Invalid request: xliff_version must be 1.2 or 2.1 (got 2.0)");
        }
        using var noFile = Upload([], "");
        await RunningServer.AssertError(await Server.Client.PostAsync("/translate_document", noFile), 400, "Invalid request: missing file parameter");
    }
}
