using System.Text;
using System.Xml.Linq;

namespace Tarjama.Server.Tests;

/// <summary>/merge_document: the XLIFF /translate_document gives, as a translator edited it, written back into its
/// document by the server, with what the merge noticed in warning headers; and its refusals.</summary>
public sealed class MergeApiTests(TinyServer tiny) : IClassFixture<TinyServer>
{
    private static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:2.0";

    private RunningServer Server => tiny.Server;

    private static MultipartFormDataContent Upload(byte[] file, string fileName, string? bilingual = null)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName }, { new StringContent("ar"), "source" }, { new StringContent("en"), "target" } };
        if (bilingual is not null)
        {
            content.Add(new StringContent(bilingual), "bilingual");
        }
        return content;
    }

    private async Task<byte[]> TranslateDocument(byte[] document, string fileName, string? bilingual = null)
    {
        using var response = await Server.Client.PostAsync("/translate_document", Upload(document, fileName, bilingual));
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpResponseMessage> MergeDocument(byte[] xliff, string fileName = "report.ar-en.xlf")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(xliff), "file", fileName } };
        return await Server.Client.PostAsync("/merge_document", form);
    }

    [Fact]
    public async Task An_edited_xliff_of_a_word_document_comes_back_as_the_word_document_with_the_edit()
    {
        byte[] word = WordDocuments.OneParagraph("مرحبا بالعالم");
        var xliff = XDocument.Parse(Encoding.UTF8.GetString(await TranslateDocument(word, "report.ar.docx", "xliff")));
        xliff.Descendants(Xliff + "target").Single().Value = "Hello, world of the desk";
        using var response = await MergeDocument(Encoding.UTF8.GetBytes(xliff.ToString()));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("report.en.docx", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains(MergeEndpoints.WarningHeader));
        Assert.Equal("Hello, world of the desk", Documents.DocumentSample.Read(await response.Content.ReadAsByteArrayAsync(), "report.en.docx").Sample.Trim());
    }

    [Fact]
    public async Task An_unedited_xliff_merges_into_the_document_translate_document_gives_and_warns_of_units_it_does_not_know()
    {
        byte[] markdown = "# عنوان\n\nمرحبا **بالعالم**. الأخبار اليوم.\n"u8.ToArray();
        var xliff = XDocument.Parse(Encoding.UTF8.GetString(await TranslateDocument(markdown, "news.md", "xliff")));
        var stray = new XElement(xliff.Descendants(Xliff + "unit").First());
        stray.SetAttributeValue("id", "p99s0\u0645");
        xliff.Descendants(Xliff + "unit").Last().AddAfterSelf(stray);
        using var response = await MergeDocument(Encoding.UTF8.GetBytes(xliff.ToString()), "news.ar-en.xlf");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("news.en.md", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(Encoding.UTF8.GetString(await TranslateDocument(markdown, "news.md")), await response.Content.ReadAsStringAsync());
        Assert.Equal(["unit p99s0? is not a segment of the original document; left out"], response.Headers.GetValues(MergeEndpoints.WarningHeader));
    }

    [Fact]
    public async Task The_original_name_inside_the_xliff_names_the_answer_without_its_folders_or_control_characters()
    {
        var xliff = XDocument.Parse(Encoding.UTF8.GetString(await TranslateDocument("مرحبا بالعالم.\n"u8.ToArray(), "news.ar.txt", "xliff")));
        xliff.Descendants(Xliff + "file").Single().SetAttributeValue("original", "../../etc/x\r\nSet-Cookie: a=b\r\n.ar.txt");
        using var response = await MergeDocument(Encoding.UTF8.GetBytes(xliff.ToString()));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        string name = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition!.FileName!;
        Assert.Equal("x__Set-Cookie: a=b__.en.txt", name);
    }

    [Fact]
    public async Task What_is_not_tarjamas_xliff_is_refused_with_one_line()
    {
        await RunningServer.AssertError(await MergeDocument("hello"u8.ToArray(), "notes.xlf"), 400, "notes.xlf: not well-formed XML at line 1, column 1 (Data at the root level is invalid.)");
        await RunningServer.AssertError(await MergeDocument("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ar\" trgLang=\"en\"><file id=\"f\"/></xliff>"u8.ToArray(), "job.xlf"), 400,
            "job.xlf: no <skeleton> with the original document (was it written by tarjama translate --bilingual xliff?)");
        await RunningServer.AssertError(await MergeDocument([], "empty.xlf"), 400, "Invalid request: empty file");
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "api_key" } };
        await RunningServer.AssertError(await Server.Client.PostAsync("/merge_document", noFile), 400, "Invalid request: missing file parameter");
    }
}
