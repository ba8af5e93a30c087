extern alias OpenXml;

using System.Text;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using Tarjama.Documents;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Tarjama.Tests.Documents;

public class DocumentSampleTests
{
    [Fact]
    public void AWordDocumentGivesItsParagraphsNotItsZipBytes()
    {
        string text = DocumentSample.Read(DocxFixture.Story(rightToLeft: true), "story.docx").Sample;
        Assert.Contains(text, c => c is >= '\u0621' and <= '\u064A');
        Assert.DoesNotContain("PK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("word/", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1256\">")]
    [InlineData("")]
    public void HtmlInALegacyArabicEncodingGivesItsTextAsTranslatingReadsIt(string meta)
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes($"<html><head>{meta}</head><body><p>مرحبا</p></body></html>");
        Assert.Equal("مرحبا", DocumentSample.Read(bytes, "page.html").Sample.Trim());
    }

    [Theory]
    [InlineData("<story><hl lang=\"en\">مرحبا</hl></story>", "page.xml")]
    [InlineData("<p class=\"headline\">مرحبا</p>", "page.html")]
    [InlineData("<html><head><style>body { font-family: sans-serif; }</style><script>var layout = 'right';</script></head><!-- banner --><p>مرحبا</p><script>track('page view')", "page.html")]
    public void MarkupGivesItsTextWithoutTags(string markup, string name)
    {
        string text = DocumentSample.Read(Encoding.UTF8.GetBytes(markup), name).Sample;
        Assert.Equal("مرحبا", text.Trim());
    }

    [Fact]
    public void AWordDocumentCountsTheCharactersOfItsTextInEveryPartNotItsBytes()
    {
        var content = DocxFixture.Story(rightToLeft: true);
        using var document = WordprocessingDocument.Open(new MemoryStream(content), isEditable: false);
        var parts = new OpenXmlPart[] { document.MainDocumentPart! }
            .Concat(document.MainDocumentPart!.HeaderParts).Concat(document.MainDocumentPart.FooterParts)
            .Append(document.MainDocumentPart.FootnotesPart!);
        long expected = parts.Sum(part => part.RootElement!.Descendants<WordText>()
            .Sum(text => (long)text.Text.Length));
        Assert.Equal(expected, DocumentSample.Read(content, "story.docx").Characters);
        Assert.True(expected < content.Length / 10);
    }

    [Theory]
    [InlineData("<p class=\"headline\">مرحبا <b>بكم</b></p>", "page.html", 9)]
    [InlineData("<story><hl lang=\"en\">مرحبا</hl></story>", "page.xml", 5)]
    [InlineData("<STYLE>p { color: red }</STYLE><p>مرحبا</p><script type=\"module\">go()</script >", "page.html", 5)]
    [InlineData("a <b> c\n", "notes.txt", 8)]
    public void MarkupCountsItsTextWithoutTagsAndPlainTextEveryCharacter(string content, string name, long expected) =>
        Assert.Equal(expected, DocumentSample.Read(Encoding.UTF8.GetBytes(content), name).Characters);

    [Fact]
    public void AnUnreadableWordDocumentGivesNothing()
    {
        var content = Encoding.UTF8.GetBytes("PK\u0003\u0004 truncated");
        Assert.Equal("", DocumentSample.Read(content, "report.docx").Sample);
        Assert.Equal(0, DocumentSample.Read(content, "report.docx").Characters);
    }
}
