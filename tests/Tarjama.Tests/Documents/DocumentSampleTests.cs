using System.Text;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class DocumentSampleTests
{
    [Fact]
    public void AWordDocumentGivesItsParagraphsNotItsZipBytes()
    {
        string text = DocumentSample.Text(DocxFixture.Story(rightToLeft: true), "story.docx");
        Assert.Contains(text, c => c is >= '\u0621' and <= '\u064A');
        Assert.DoesNotContain("PK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("word/", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<story><hl lang=\"en\">مرحبا</hl></story>", "page.xml")]
    [InlineData("<p class=\"headline\">مرحبا</p>", "page.html")]
    public void MarkupGivesItsTextWithoutTags(string markup, string name)
    {
        string text = DocumentSample.Text(Encoding.UTF8.GetBytes(markup), name);
        Assert.Equal("مرحبا", text.Trim());
    }

    [Fact]
    public void AnUnreadableWordDocumentGivesNothing() =>
        Assert.Equal("", DocumentSample.Text(Encoding.UTF8.GetBytes("PK\u0003\u0004 truncated"), "report.docx"));
}
