using System.Text;
using System.Xml.Linq;
using Tarjama.Documents;
using Tarjama.Documents.Xliff;

namespace Tarjama.Tests.Documents;

public class XliffTests
{
    private const string Html = "<!DOCTYPE html><html lang=\"ar\"><head><title>عنوان</title></head><body>"
        + "<h1>خبر عاجل</h1><p>قال <a href=\"https://x.y/z\">المصدر</a> إن <b>الخبر <i>صحيح</i></b>. قتل ٣ أشخاص.</p>"
        + "<p>صورة <img src=\"a.png\" alt=\"صورة البيت\"> هنا.<br>سطر <code>x &lt; 1</code> آخر.</p></body></html>";

    private const string Markdown = "# خبر عاجل\n\nقال **المصدر** إن [الخبر](https://x.y/z) *صحيح*. قتل ٣ أشخاص.\n\n- بند `كود` أول\n";

    private const string Xml = "<?xml version=\"1.0\"?>\n<story xml:lang=\"ar\"><hl>خبر عاجل</hl><p>قال <src id=\"4\">المصدر</src> إن الخبر صحيح.<ph/> قتل ٣ أشخاص.</p></story>";

    private const string Text = "خبر عاجل\n\nقال المصدر إن الخبر صحيح. قتل ٣ أشخاص & <آخرون>.\n";

    public static TheoryData<string, DocumentFormat, XliffVersion> Documents => new()
    {
        { Html, DocumentFormat.Html, XliffVersion.V21 },
        { Html, DocumentFormat.Html, XliffVersion.V12 },
        { Markdown, DocumentFormat.Markdown, XliffVersion.V21 },
        { Markdown, DocumentFormat.Markdown, XliffVersion.V12 },
        { Text, DocumentFormat.Text, XliffVersion.V21 },
        { Text, DocumentFormat.Text, XliffVersion.V12 },
        { Xml, DocumentFormat.Xml, XliffVersion.V21 },
        { Xml, DocumentFormat.Xml, XliffVersion.V12 },
    };

    private static string ToXliff(string document, DocumentFormat format, XliffVersion version) =>
        DocumentRunner.Translate(document, new LatinizingTranslator(), new DocumentTranslationOptions { Format = format, Bilingual = BilingualFormat.Xliff, XliffVersion = version }, "story.ar");

    private static MergedDocument Merge(string xliff, out IReadOnlyList<string> problems) =>
        XliffMerger.Merge(XliffFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(xliff)), "story.xlf"), out problems);

    [Theory]
    [MemberData(nameof(Documents))]
    public void WritesXliffTheOasisSchemaAccepts(string document, DocumentFormat format, XliffVersion version)
    {
        string xliff = ToXliff(document, format, version);
        Assert.Empty(XliffSchemas.Errors(xliff));
        Assert.EndsWith("</xliff>\n", xliff); // a text file's last line ends (it had not)
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void MergingUnchangedTargetsGivesTheDirectTranslation(string document, DocumentFormat format, XliffVersion version)
    {
        var merged = Merge(ToXliff(document, format, version), out var problems);
        Assert.Empty(problems);
        Assert.Empty(merged.Issues);
        Assert.Equal(DocumentRunner.Translate(document, new LatinizingTranslator(), new DocumentTranslationOptions { Format = format }), merged.Render());
    }

    [Fact]
    public void Writes21WithPairedAndStandaloneCodesStatesAndOriginNotes()
    {
        var xliff = XDocument.Parse(ToXliff(Html, DocumentFormat.Html, XliffVersion.V21));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        var unit = xliff.Descendants(ns + "unit").Single(u => (string?)u.Attribute("id") == "p2s0");
        var source = unit.Descendants(ns + "source").Single();
        Assert.Equal(["pc", "pc", "pc"], source.Descendants().Select(e => e.Name.LocalName));
        Assert.Equal("<a>", (string?)source.Element(ns + "pc")!.Attribute("dispStart"));
        Assert.Equal("قال المصدر إن الخبر صحيح.", source.Value);
        var segment = unit.Element(ns + "segment")!;
        Assert.Equal(("translated", "tarjama:needs-review"), ((string?)segment.Attribute("state"), (string?)segment.Attribute("subState")));
        Assert.Equal("machine", unit.Descendants(ns + "note").Single(n => (string?)n.Attribute("category") == "origin").Value);
        var image = xliff.Descendants(ns + "unit").Single(u => (string?)u.Attribute("id") == "p4s0").Descendants(ns + "source").Single().Descendants(ns + "ph").Single();
        Assert.StartsWith("<img", (string?)image.Attribute("disp"));
        Assert.Equal("html", (string?)xliff.Root!.Element(ns + "file")!.Attribute(XNamespace.Get("urn:tarjama:xliff") + "format"));
    }

    [Fact]
    public void Writes12WithGAndXAndNeedsReviewState()
    {
        var xliff = XDocument.Parse(ToXliff(Html, DocumentFormat.Html, XliffVersion.V12));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:1.2";
        var unit = xliff.Descendants(ns + "trans-unit").Single(u => (string?)u.Attribute("id") == "p4s0");
        Assert.Equal(["x"], unit.Element(ns + "source")!.Descendants().Select(e => e.Name.LocalName));
        Assert.Equal("needs-review-translation", (string?)unit.Element(ns + "target")!.Attribute("state"));
        Assert.Equal(["g", "g", "g"], xliff.Descendants(ns + "trans-unit").Single(u => (string?)u.Attribute("id") == "p2s0").Element(ns + "target")!.Descendants().Select(e => e.Name.LocalName));
    }

    [Theory]
    [InlineData(XliffVersion.V21)]
    [InlineData(XliffVersion.V12)]
    public void MergesEditedTargetsReportingCodesMovedDroppedAndDuplicatedKeepingTheStructure(XliffVersion version)
    {
        var xliff = XDocument.Parse(ToXliff(Html, DocumentFormat.Html, version));
        var ns = xliff.Root!.Name.Namespace;
        var units = xliff.Descendants(version == XliffVersion.V21 ? ns + "unit" : ns + "trans-unit").ToDictionary(u => (string)u.Attribute("id")!);
        XElement Target(string id) => units[id].Descendants(ns + "target").Single();
        string paired = version == XliffVersion.V21 ? "pc" : "g";
        string single = version == XliffVersion.V21 ? "ph" : "x";
        // p2s0: the link moved to the end and the bold (with its italic) dropped; p4s0: the image twice; p1s0: plain words
        Target("p2s0").ReplaceNodes("The source said the news is true ", new XElement(ns + paired, new XAttribute("id", 1), "here"), ".");
        var image = Target("p4s0").Descendants(ns + single).Single();
        image.AddAfterSelf(new XElement(image));
        Target("p1s0").ReplaceNodes("Breaking news");
        var merged = Merge(xliff.ToString(), out var problems);
        Assert.Empty(problems);
        Assert.Equal([new("p2s0", 3, InlineCodeProblem.Dropped), new("p2s0", 4, InlineCodeProblem.Dropped), new("p2s0", 5, InlineCodeProblem.Dropped),
            new("p2s0", 6, InlineCodeProblem.Dropped), new("p4s0", 1, InlineCodeProblem.Duplicated)], merged.Issues);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(merged.Render());
        Assert.Equal("Breaking news", html.QuerySelector("h1")!.TextContent);
        var paragraph = html.QuerySelectorAll("p")[0];
        Assert.NotEmpty(paragraph.QuerySelector("a[href='https://x.y/z']")!.TextContent); // markup out of order is all placed again, as for model output
        Assert.NotEmpty(paragraph.QuerySelector("b i")!.TextContent); // dropped markup put back, never lost
        Assert.StartsWith("The source said the news is true", paragraph.TextContent);
        Assert.Single(html.QuerySelectorAll("img"));
    }

    [Fact]
    public void ReportsUnitsThatAreNotInTheDocumentAndRefusesWhatIsNotXliff()
    {
        var xliff = XDocument.Parse(ToXliff(Text, DocumentFormat.Text, XliffVersion.V21));
        var unit = xliff.Descendants().First(e => e.Name.LocalName == "unit");
        var copy = new XElement(unit);
        copy.SetAttributeValue("id", "p99s0");
        unit.AddAfterSelf(copy);
        Merge(xliff.ToString(), out var problems);
        Assert.Equal(["unit p99s0 is not a segment of the original document; left out"], problems);
        Assert.Contains("not well-formed XML", Assert.Throws<TarjamaException>(() => Merge("<xliff", out _)).Message);
        // 100,000 nested elements (1.2 MB) took 20 s to load into a tree: refused before.
        string deep = string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000));
        Assert.Equal($"story.xlf: XML nested deeper than {XmlDepth.Limit} elements (line 2)", Assert.Throws<TarjamaException>(() => Merge($"<xliff>\n{deep}</xliff>", out _)).Message);
        Assert.Contains("not an XLIFF", Assert.Throws<TarjamaException>(() => Merge("<tmx version=\"1.4\"/>", out _)).Message);
        Assert.Contains("skeleton", Assert.Throws<TarjamaException>(() =>
            Merge("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ar\"><file id=\"f\"/></xliff>", out _)).Message);
    }
}
