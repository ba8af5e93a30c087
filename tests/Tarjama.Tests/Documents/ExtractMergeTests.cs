using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class ExtractMergeTests
{
    private const string Html = "<h1>عنوان</h1><p>قال <a href=\"u\">المصدر</a> إن <b>الخبر</b> صحيح. قتل ٣ أشخاص.</p>";

    private static ExtractedDocument Extract(string document, DocumentFormat format) => DocumentExtractor.Extract(document, format, "ar", "en");

    [Fact]
    public void GivesSegmentsStableIdsMaskedInputsAndInlineCodes()
    {
        var segments = Extract(Html, DocumentFormat.Html).Segments;
        Assert.Equal(["p0s0", "p1s0", "p1s1"], segments.Select(s => s.Id));
        Assert.Equal(segments.Select(s => s.Id), Extract(Html, DocumentFormat.Html).Segments.Select(s => s.Id));
        Assert.Equal("قال [1] المصدر [2] إن [3] الخبر [4] صحيح.", segments[1].ModelInput);
        Assert.Equal("قتل [1] أشخاص.", segments[2].ModelInput);
        Assert.Equal([new InlineCode(1, InlineCodeKind.Open, "<a>"), new InlineCode(2, InlineCodeKind.Close, "</a>"), new InlineCode(3, InlineCodeKind.Open, "<b>"),
            new InlineCode(4, InlineCodeKind.Close, "</b>")], segments[1].Codes);
        Assert.Equal([SegmentPart.OfText("قال "), SegmentPart.OfCode(1), SegmentPart.OfText("المصدر"), SegmentPart.OfCode(2), SegmentPart.OfText(" إن "),
            SegmentPart.OfCode(3), SegmentPart.OfText("الخبر"), SegmentPart.OfCode(4), SegmentPart.OfText(" صحيح.")], segments[1].SourceParts);
        Assert.Equal([SegmentPart.OfText("قتل ٣ أشخاص.")], segments[2].SourceParts); // numbers are the editor's text, not codes
    }

    [Theory]
    [InlineData("عنوان\r\n\r\nقال المصدر إن الخبر صحيح. وأضاف: «نعم».\nسطر ٣\n", DocumentFormat.Text)]
    [InlineData("# عنوان\n\nقال **المصدر** إن [الخبر](u) صحيح.\n", DocumentFormat.Markdown)]
    [InlineData(Html, DocumentFormat.Html)]
    public void MergingTheModelsOutputsGivesTheDirectTranslation(string source, DocumentFormat format)
    {
        var document = Extract(source, format);
        var targets = document.Segments.ToDictionary(s => s.Id, s => SegmentTarget.FromModel(LatinizingTranslator.Latinize(s.ModelInput)));
        Assert.Equal(DocumentRunner.Translate(source, new LatinizingTranslator(), new DocumentTranslationOptions { Format = format }), document.Merge(targets).Render());
    }

    [Fact]
    public void KeepsTheSourceOfSegmentsWithoutATarget()
    {
        var merged = Extract("أولا. ثانيا.", DocumentFormat.Text).Merge(new Dictionary<string, SegmentTarget> { ["p0s1"] = SegmentTarget.FromModel("second.") });
        Assert.Equal("أولا. second.", merged.Render());
        Assert.Empty(merged.Issues);
    }

    [Fact]
    public void MergesAnEditorsTargetWithItsCodesAsWritten()
    {
        var document = Extract(Html, DocumentFormat.Html);
        var edited = new SegmentPart[] { SegmentPart.OfText("The "), SegmentPart.OfCode(1), SegmentPart.OfText("source"), SegmentPart.OfCode(2),
            SegmentPart.OfText(" said [3] "), SegmentPart.OfCode(3), SegmentPart.OfText("news"), SegmentPart.OfCode(4), SegmentPart.OfText(" is true.") };
        var merged = document.Merge(new Dictionary<string, SegmentTarget> { ["p1s0"] = SegmentTarget.FromParts(edited) });
        Assert.Empty(merged.Issues);
        Assert.Equal("<h1>عنوان</h1><p>The <a href=\"u\">source</a> said [3] <b>news</b> is true. قتل ٣ أشخاص.</p>", merged.Render());
        Assert.Equal(edited, merged.Segments[1].TargetParts);
    }

    [Fact]
    public void ReportsCodesMovedDroppedDuplicatedOrUnknownAndKeepsTheStructure()
    {
        var document = Extract(Html, DocumentFormat.Html);
        var edited = new SegmentPart[] { SegmentPart.OfCode(3), SegmentPart.OfText("News"), SegmentPart.OfCode(4), SegmentPart.OfText(" from the "),
            SegmentPart.OfCode(1), SegmentPart.OfText("source"), SegmentPart.OfCode(1), SegmentPart.OfCode(9), SegmentPart.OfText(" is true.") };
        var merged = document.Merge(new Dictionary<string, SegmentTarget> { ["p1s0"] = SegmentTarget.FromParts(edited) });
        Assert.Equal([new("p1s0", 9, InlineCodeProblem.Unknown), new("p1s0", 1, InlineCodeProblem.Duplicated), new("p1s0", 1, InlineCodeProblem.Moved),
            new("p1s0", 2, InlineCodeProblem.Dropped), new("p1s0", 3, InlineCodeProblem.Moved), new("p1s0", 4, InlineCodeProblem.Moved)], merged.Issues);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(merged.Render());
        Assert.Equal(1, html.QuerySelectorAll("p a[href=u]").Length);
        Assert.Equal(1, html.QuerySelectorAll("p b").Length);
        Assert.Equal("News from the source is true. قتل ٣ أشخاص.", html.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void MergesOnce()
    {
        var document = Extract("نص.", DocumentFormat.Text);
        document.Merge(new Dictionary<string, SegmentTarget>());
        Assert.Throws<InvalidOperationException>(() => document.Merge(new Dictionary<string, SegmentTarget>()));
    }
}
