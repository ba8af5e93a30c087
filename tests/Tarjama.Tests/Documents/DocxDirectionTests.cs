extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Validation;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>The translated document reads in the target's direction: paragraphs, runs, tables, sections and styles.</summary>
public sealed class DocxDirectionTests
{
    private const string ArabicBody = """
        <w:p><w:pPr><w:bidi/><w:rPr><w:rtl/></w:rPr></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>زيارة الرئيس</w:t></w:r></w:p>
        <w:p><w:pPr><w:bidi/></w:pPr></w:p>
        <w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tr><w:tc><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>المدينة</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:bidi/><w:docGrid w:linePitch="360"/></w:sectPr>
        """;

    private const string ArabicStyles = """
        <w:docDefaults><w:rPrDefault><w:rPr><w:rtl/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:bidi/></w:pPr></w:pPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:bidi/></w:pPr><w:rPr><w:rtl/></w:rPr></w:style>
        <w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/><w:tblPr><w:bidiVisual/></w:tblPr></w:style>
        """;

    private const string EnglishBody = """
        <w:p><w:pPr><w:bidi w:val="0"/></w:pPr><w:r><w:t>The president's visit</w:t></w:r></w:p>
        <w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>City</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:docGrid w:linePitch="360"/></w:sectPr>
        """;

    private static WordprocessingDocument Translate(byte[] docx, ISegmentTranslator translator)
    {
        using var output = new MemoryStream();
        new DocumentTranslator(translator).Translate(new MemoryStream(docx), "story.docx", output);
        return WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
    }

    private static bool IsRightToLeft(OpenXmlElement element) => element is BiDi or RightToLeftText or BiDiVisual;

    [Fact]
    public void Arabic_to_English_clears_right_to_left_everywhere_styles_included()
    {
        using var english = Translate(DocxFixture.FromXml(ArabicBody, ArabicStyles), new LatinizingTranslator());
        var main = english.MainDocumentPart!;
        Assert.DoesNotContain(main.Document.Body!.Descendants(), IsRightToLeft);
        Assert.DoesNotContain(main.StyleDefinitionsPart!.Styles!.Descendants(), IsRightToLeft);
        Assert.Equal(3, main.Document.Body!.Descendants<Paragraph>().Count());
    }

    [Fact]
    public void English_to_Arabic_sets_right_to_left_on_paragraphs_runs_tables_and_sections()
    {
        using var arabic = Translate(DocxFixture.FromXml(EnglishBody), new FunctionTranslator(text => "نص", "en", "ar"));
        var body = arabic.MainDocumentPart!.Document.Body!;
        Assert.All(body.Descendants<Paragraph>(), paragraph => Assert.True(paragraph.ParagraphProperties?.BiDi is { } bidi && (bidi.Val is null || bidi.Val.Value)));
        Assert.All(body.Descendants<Run>(), run => Assert.NotNull(run.RunProperties?.RightToLeftText));
        Assert.NotNull(body.Descendants<Table>().Single().GetFirstChild<TableProperties>()!.BiDiVisual);
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal(["pgSz", "bidi", "docGrid"], section.ChildElements.Select(child => child.LocalName));
    }

    [Fact]
    public void Arabic_to_English_shows_the_english_as_the_arabic_was_shown_bold_italic_and_size()
    {
        // An Arabic template sets the complex-script size apart (14 pt against 12); Latin text reads w:b, w:i, w:sz.
        const string body = """
            <w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="36"/><w:rtl/></w:rPr><w:t>زيارة الرئيس</w:t></w:r></w:p>
            <w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>قال مراسل </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>BBC</w:t></w:r></w:p>
            """;
        const string styles = """<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="24"/><w:szCs w:val="28"/></w:rPr></w:style>""";
        using var english = Translate(DocxFixture.FromXml(body, styles), new LatinizingTranslator());
        var main = english.MainDocumentPart!;
        var headline = main.Document.Body!.Elements<Paragraph>().First().Descendants<RunProperties>().Single();
        Assert.Equal(["b", "bCs", "i", "iCs", "sz", "szCs"], headline.ChildElements.Select(child => child.LocalName));
        Assert.Equal("36", headline.FontSize!.Val!.Value);
        Assert.Equal("28", main.StyleDefinitionsPart!.Styles!.Descendants<StyleRunProperties>().Single().FontSize!.Val!.Value);
        Assert.Contains(main.Document.Body!.Elements<Paragraph>().Last().Descendants<RunProperties>(), run => run.Bold is not null); // the Latin word's own bold
        Assert.Empty(new OpenXmlValidator().Validate(english));
    }

    [Fact]
    public void English_to_Arabic_shows_the_arabic_as_the_english_was_shown()
    {
        const string body = """<w:p><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>The president's visit</w:t></w:r></w:p>""";
        using var arabic = Translate(DocxFixture.FromXml(body), new FunctionTranslator(text => "نص", "en", "ar"));
        var run = arabic.MainDocumentPart!.Document.Body!.Descendants<RunProperties>().Single();
        Assert.Equal(["b", "bCs", "sz", "szCs", "rtl"], run.ChildElements.Select(child => child.LocalName));
        Assert.Equal("32", run.FontSizeComplexScript!.Val!.Value);
        Assert.Empty(new OpenXmlValidator().Validate(arabic));
    }
}
