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
    public async Task Auto_source_works_for_files()
    {
        using var upload = Upload("مرحبا"u8.ToArray(), "a.txt", source: "auto");
        var (status, _) = await RunningServer.Read(await Server.Client.PostAsync("/translate_file", upload));
        Assert.Equal(200, status);
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
        using (var binary = Upload([0x41, 0xFF, 0xFE, 0x00], "a.txt"))
        {
            await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", binary), 400, "Invalid request: the file is not UTF-8 text");
        }
        await RunningServer.AssertError(await Server.PostForm("/translate_file", ("source", "ar"), ("target", "en")), 400, "Invalid request: missing file parameter");
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413()
    {
        using var upload = Upload(new byte[512 * 1024], "big.txt");
        await RunningServer.AssertError(await Server.Client.PostAsync("/translate_file", upload), 413, "Request body too large");
    }

    [Fact]
    public async Task Downloads_refuse_names_that_could_leave_the_store_and_unknown_files()
    {
        await RunningServer.AssertError(await Server.Client.GetAsync("/download_file/..%2F..%2Fetc%2Fpasswd"), 400, "Invalid filename");
        await RunningServer.AssertError(await Server.Client.GetAsync("/download_file/passwd"), 400, "Invalid filename");
        await RunningServer.AssertError(await Server.Client.GetAsync($"/download_file/{Guid.NewGuid():N}.a.txt"), 404, "Invalid filename: no such file, or it has expired");
    }
}
