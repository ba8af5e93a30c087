using System.Text;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class DocumentFormatDetectorTests
{
    [Theory]
    [InlineData("article.txt", "# looks like markdown", DocumentFormat.Text)]
    [InlineData("README.md", "plain words", DocumentFormat.Markdown)]
    [InlineData("page.HTM", "plain words", DocumentFormat.Html)]
    [InlineData("<stdin>", "<!DOCTYPE html><html>", DocumentFormat.Html)]
    [InlineData("input", "  <!-- c --> <p>نص</p>", DocumentFormat.Html)]
    [InlineData("input", "# عنوان\n\nنص", DocumentFormat.Markdown)]
    [InlineData("input", "نص مع [رابط](https://x.y)", DocumentFormat.Markdown)]
    [InlineData("input", "| a | b |\n|---|---|\n| 1 | 2 |", DocumentFormat.Markdown)]
    [InlineData("input", "نص عادي - بلا علامات\n#وسم", DocumentFormat.Text)]
    [InlineData("input", "x < y and 1 > 0", DocumentFormat.Text)]
    [InlineData("feed.XML", "plain words", DocumentFormat.Xml)]
    [InlineData("input", "<?xml version=\"1.0\"?>\n<story><p>نص</p></story>", DocumentFormat.Xml)]
    [InlineData("input", "<?xml version=\"1.0\"?>\n<html><p>نص</p></html>", DocumentFormat.Html)]
    public void TellsTheFormatFromTheNameThenTheContent(string name, string content, DocumentFormat expected) =>
        Assert.Equal(expected, DocumentFormatDetector.Detect(name, Encoding.UTF8.GetBytes(content)));
}
