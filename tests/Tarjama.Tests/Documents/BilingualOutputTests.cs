using System.Text.Json;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class BilingualOutputTests
{
    private const string Article = "عنوان\n\nقال المصدر إن الخبر صحيح. وأضاف: «نعم».\nسطر <أخير> & 3.5";

    private static string Bilingual(BilingualFormat format, string document = Article, DocumentFormat input = DocumentFormat.Text) =>
        DocumentRunner.Translate(document, new LatinizingTranslator(), new DocumentTranslationOptions { Format = input, Bilingual = format });

    [Fact]
    public void WritesOneJsonRecordPerSegmentWithItsParagraphAndPlace()
    {
        var records = Bilingual(BilingualFormat.Jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([(0, 0), (2, 0), (2, 1), (3, 0)], records.Select(r => (r.GetProperty("paragraph").GetInt32(), r.GetProperty("segment").GetInt32())));
        Assert.Equal("وأضاف: «نعم».", records[2].GetProperty("source").GetString());
        Assert.Equal(LatinizingTranslator.Latinize("وأضاف: “نعم”."), records[2].GetProperty("target").GetString());
        Assert.Equal(["paragraph", "segment", "source", "target", "id", "origin"], records[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("p2s1", "machine"), (records[2].GetProperty("id").GetString(), records[2].GetProperty("origin").GetString()));
        Assert.Contains("\"source\":\"عنوان\"", Bilingual(BilingualFormat.Jsonl)); // Arabic as is, not \u escapes
    }

    [Fact]
    public void WritesTmxThatParsesWithTheHeaderTranslationToolsNeed()
    {
        var tmx = new XmlDocument();
        string text = Bilingual(BilingualFormat.Tmx);
        Assert.EndsWith("</tmx>\n", text); // a text file's last line ends (it had not)
        tmx.LoadXml(text);
        var root = tmx.DocumentElement!;
        Assert.Equal("tmx", root.Name);
        Assert.Equal("1.4", root.GetAttribute("version"));
        var header = (XmlElement)root.SelectSingleNode("header")!;
        foreach (var (name, value) in new[] { ("srclang", "ar"), ("adminlang", "en"), ("segtype", "sentence"), ("o-tmf", "Tarjama"), ("creationtool", "Tarjama"), ("datatype", "plaintext") })
        {
            Assert.Equal(value, header.GetAttribute(name));
        }
        Assert.NotEmpty(header.GetAttribute("creationtoolversion"));
        var units = root.SelectNodes("body/tu")!.Cast<XmlElement>().ToList();
        Assert.Equal(4, units.Count);
        Assert.All(units, unit => Assert.Equal(["ar", "en"], unit.SelectNodes("tuv")!.Cast<XmlElement>().Select(tuv => tuv.GetAttribute("xml:lang"))));
        Assert.Equal("سطر <أخير> & 3.5", units[3].SelectSingleNode("tuv[1]/seg")!.InnerText);
    }

    [Fact]
    public void LeavesOutCharactersXmlCannotHold()
    {
        var tmx = new XmlDocument();
        tmx.LoadXml(Bilingual(BilingualFormat.Tmx, "نص\u0001 فيه\u0008 تحكم"));
        Assert.Equal("نص فيه تحكم", tmx.SelectSingleNode("//tuv[1]/seg")!.InnerText);
    }

    [Fact]
    public void WritesASelfContainedSideBySidePageRightToLeftBesideLeftToRight()
    {
        var html = Bilingual(BilingualFormat.Html);
        var page = new HtmlParser().ParseDocument(html);
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        var cells = rows[1].QuerySelectorAll("td[lang]");
        Assert.Equal(("ar", "rtl"), (cells[0].GetAttribute("lang"), cells[0].GetAttribute("dir")));
        Assert.Equal(("en", "ltr"), (cells[1].GetAttribute("lang"), cells[1].GetAttribute("dir")));
        Assert.Equal(2, cells[0].QuerySelectorAll("span").Length);
        Assert.Equal("سطر <أخير> & 3.5", rows[2].QuerySelector("td[lang=ar] span")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("link, script, [src]"));
        Assert.DoesNotContain("http", html);
    }

    [Fact]
    public void WritesPairsOfMarkdownAndHtmlBlocksAsPlainText()
    {
        var jsonl = Bilingual(BilingualFormat.Jsonl, "<p>قال <b>المصدر</b> إن <code>x</code> صحيح.</p>", DocumentFormat.Html);
        var record = JsonDocument.Parse(jsonl.Split('\n')[0]).RootElement;
        Assert.Equal("قال المصدر إن x صحيح.", record.GetProperty("source").GetString());
        Assert.Equal(LatinizingTranslator.Latinize("قال المصدر إن") + " x " + LatinizingTranslator.Latinize("صحيح."), record.GetProperty("target").GetString());
    }

    [Fact]
    public void WritesEmptyButValidOutputsForAnEmptyDocument()
    {
        Assert.Equal("", Bilingual(BilingualFormat.Jsonl, ""));
        new XmlDocument().LoadXml(Bilingual(BilingualFormat.Tmx, ""));
        Assert.Empty(new HtmlParser().ParseDocument(Bilingual(BilingualFormat.Html, "")).QuerySelectorAll("tbody tr"));
    }
}
