extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>Text Word and LibreOffice keep outside a paragraph's plain runs (text boxes, comments, phonetic guides,
/// direction overrides; tabs, breaks and hyphens in a sentence) is translated once, where it is, and nothing around it
/// is lost.</summary>
public sealed class DocxTextPlacesTests
{
    /// <summary>A text box as Word writes it: a drawing for Word 2010 and later, and a VML copy for older readers.</summary>
    internal const string TextBox = """
        <w:p><w:r><w:t xml:space="preserve">قال المراسل </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="1270000" cy="635000"/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>نص في مربع</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:100pt;height:50pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>نص في مربع</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> الخبر.</w:t></w:r></w:p>
        """;

    /// <summary>A phonetic guide (w:ruby): its guide text (w:rt) over its base text (w:rubyBase), in one run.</summary>
    internal const string Ruby = """
        <w:p><w:r><w:t xml:space="preserve">قال </w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/><w:hpsRaise w:val="18"/><w:hpsBaseText w:val="20"/><w:lid w:val="ar-SA"/></w:rubyPr><w:rt><w:r><w:t>رئيس</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>الرئيس</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>
        """;

    /// <summary>A sentence with tabs (w:ptab aligns to the margin, as in Word's headers), line breaks (w:type="textWrapping"
    /// is the default spelled out), a carriage return, a non-breaking hyphen and a symbol in it.</summary>
    internal const string Separators = """
        <w:p><w:r><w:t>المصدر</w:t><w:ptab w:relativeTo="margin" w:alignment="center" w:leader="none"/><w:t>قال</w:t><w:tab/><w:t>الرئيس</w:t><w:br/><w:t>إن</w:t><w:br w:type="textWrapping"/><w:t>الزيارة</w:t><w:cr/><w:t>الزيارة</w:t><w:noBreakHyphen/><w:t>مهمة</w:t><w:sym w:font="Wingdings" w:char="F0E0"/><w:t xml:space="preserve"> جدا.</w:t></w:r></w:p>
        """;

    private static string L(string arabic) => LatinizingTranslator.Latinize(arabic);

    [Fact]
    public void A_text_box_is_translated_once_and_both_its_copies_get_that_translation()
    {
        var translator = new LatinizingTranslator();
        using var word = DocxFixture.Translate(DocxFixture.FromXml(TextBox), translator);
        var body = word.MainDocumentPart!.Document.Body!;
        var boxes = body.Descendants<TextBoxContent>().ToList();
        Assert.Equal(2, boxes.Count); // the drawing's and the VML fallback's
        Assert.All(boxes, box => Assert.Equal(L("نص في مربع"), box.InnerText));
        Assert.Single(translator.Calls.SelectMany(call => call), segment => segment == "نص في مربع");
        var outer = body.Elements<Paragraph>().Single();
        Assert.Equal(L("قال المراسل ") + L("نص في مربع") + L("نص في مربع") + L(" الخبر."), outer.InnerText);
        Assert.Single(outer.Descendants<AlternateContent>());
    }

    [Fact]
    public void A_text_box_counts_once()
    {
        // Its VML copy was read as more text: a DeepL client was billed its characters twice, and an editor saw it twice.
        int fallback = TextBox.IndexOf("<mc:Fallback>", StringComparison.Ordinal);
        int end = TextBox.IndexOf("</mc:Fallback>", StringComparison.Ordinal) + "</mc:Fallback>".Length;
        var withoutCopy = DocxFixture.FromXml(TextBox[..fallback] + TextBox[end..]);
        Assert.Equal(DocumentSample.Read(withoutCopy, "story.docx").Characters, DocumentSample.Read(DocxFixture.FromXml(TextBox), "story.docx").Characters);
    }

    [Fact]
    public void Comments_are_translated_and_stay_anchored()
    {
        var docx = DocxFixture.FromXml(
            """<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>زار الرئيس دمشق.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>""",
            commentsXml: """<w:comment w:id="0" w:author="محرر" w:initials="م"><w:p><w:r><w:t>تحقق من التاريخ.</w:t></w:r></w:p></w:comment>""");
        using var word = DocxFixture.Translate(docx, new LatinizingTranslator());
        var main = word.MainDocumentPart!;
        var comment = main.WordprocessingCommentsPart!.Comments.Elements<Comment>().Single();
        Assert.Equal(L("تحقق من التاريخ."), comment.InnerText);
        Assert.Equal("محرر", comment.Author!.Value); // a name, not text of the document
        var paragraph = main.Document.Body!.Elements<Paragraph>().Single();
        Assert.Equal(L("زار الرئيس دمشق."), paragraph.InnerText);
        Assert.Single(paragraph.Elements<CommentRangeStart>());
        Assert.Single(paragraph.Elements<CommentRangeEnd>());
        Assert.Single(paragraph.Descendants<CommentReference>());
    }

    [Fact]
    public void Tabs_breaks_hyphens_and_symbols_in_a_sentence_stay_where_they_were()
    {
        // A code glued to the words on both sides gained a space after it: "said<tab> the president", "visit<noBreakHyphen> important".
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Separators), new LatinizingTranslator());
        var content = word.MainDocumentPart!.Document.Body!.Descendants<Run>().SelectMany(run => run.ChildElements).Where(child => child is not RunProperties)
            .Select(child => child is WordText text ? text.Text : $"<{child.LocalName}>");
        Assert.Equal(L("المصدر") + "<ptab>" + L("قال") + "<tab>" + L("الرئيس") + "<br>" + L("إن") + "<br>" + L("الزيارة") + "<cr>" + L("الزيارة") + "\u2011" + L("مهمة") + "<sym>" + L(" جدا."), string.Concat(content));
    }

    [Fact]
    public void A_soft_hyphen_does_not_split_its_word_for_the_model()
    {
        // A soft hyphen marks where the source's word may break at a line's end; the model saw "inter[1]national".
        var translator = new LatinizingTranslator("en", "ar");
        using var word = DocxFixture.Translate(DocxFixture.FromXml("""
            <w:p><w:r><w:t>The inter</w:t><w:softHyphen/><w:t>national news.</w:t></w:r></w:p>
            """), translator);
        Assert.Equal(["The international news."], translator.Calls.SelectMany(call => call));
        Assert.Equal("THE INTERNATIONAL NEWS.", word.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void A_direction_override_in_the_sources_direction_takes_the_targets()
    {
        // A right-to-left override (w:bdo) around English shows it letter by letter backwards: "tnediserp".
        using var word = DocxFixture.Translate(DocxFixture.FromXml("""
            <w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">قال </w:t></w:r><w:bdo w:val="rtl"><w:r><w:t>الرئيس</w:t></w:r></w:bdo><w:r><w:t xml:space="preserve"> </w:t></w:r><w:dir w:val="rtl"><w:r><w:t>اليوم</w:t></w:r></w:dir><w:r><w:t xml:space="preserve"> </w:t></w:r><w:bdo w:val="ltr"><w:r><w:t>+963 11</w:t></w:r></w:bdo></w:p>
            """), new LatinizingTranslator());
        var paragraph = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single();
        Assert.Equal([DirectionValues.Ltr, DirectionValues.Ltr], paragraph.Elements<BidirectionalOverride>().Select(o => o.Val!.Value));
        Assert.Equal(DirectionValues.Ltr, paragraph.Elements<BidirectionalEmbedding>().Single().Val!.Value);
        Assert.Equal(L("الرئيس"), paragraph.Elements<BidirectionalOverride>().First().InnerText);
        Assert.Equal(L("اليوم"), paragraph.Elements<BidirectionalEmbedding>().Single().InnerText);
    }

    [Fact]
    public void A_phonetic_guide_and_its_base_text_are_translated()
    {
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Ruby), new LatinizingTranslator());
        var ruby = word.MainDocumentPart!.Document.Body!.Descendants<Ruby>().Single();
        Assert.Equal(L("رئيس"), ruby.GetFirstChild<RubyContent>()!.InnerText);
        Assert.Equal(L("الرئيس"), ruby.GetFirstChild<RubyBase>()!.InnerText);
        Assert.NotNull(ruby.GetFirstChild<RubyProperties>());
    }
}
