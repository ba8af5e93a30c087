extern alias OpenXml;

using System.Text;
using System.Xml.Linq;
using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Validation;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using Tarjama.Documents;
using Tarjama.Documents.Xliff;

namespace Tarjama.Tests.Documents;

/// <summary>Text Word keeps in attributes and document properties, which a reader sees or hears without it being in a
/// paragraph (a picture's alternative text, a link's tooltip, the title in File > Info), is translated too.</summary>
public sealed class DocxPropertyTextTests
{
    /// <summary>An inline picture as Word writes it: its alternative text on wp:docPr, and the description again on pic:cNvPr.</summary>
    private const string Picture = """
        <w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1" descr="الرئيس في موسكو" title="صورة الزيارة"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="visit.jpg" descr="الرئيس في موسكو"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
        """;

    /// <summary>A link with a tooltip (w:tooltip: what Word shows when the pointer is over the link).</summary>
    private const string Link = """
        <w:p><w:bookmarkStart w:id="0" w:name="story"/><w:bookmarkEnd w:id="0"/><w:r><w:t xml:space="preserve">اقرأ </w:t></w:r><w:hyperlink w:anchor="story" w:tooltip="التقرير الكامل للوكالة"><w:r><w:t>التقرير</w:t></w:r></w:hyperlink></w:p>
        """;

    private static string L(string arabic) => LatinizingTranslator.Latinize(arabic);

    private static byte[] WithProperties(byte[] docx, Action<WordprocessingDocument> set)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var word = WordprocessingDocument.Open(stream, true))
        {
            set(word);
        }
        return stream.ToArray();
    }

    private static byte[] Titled(byte[] docx) => WithProperties(docx, word =>
    {
        var properties = word.PackageProperties;
        properties.Title = "زيارة الرئيس";
        properties.Subject = "السياسة الخارجية";
        properties.Description = "تقرير عن الزيارة.";
        properties.Keywords = "موسكو، دمشق";
        properties.Creator = "محرر";
    });

    [Fact]
    public void A_pictures_alternative_text_is_translated_once_on_both_properties_that_hold_it()
    {
        // Screen readers read it, and it stayed Arabic in the English story.
        var translator = new LatinizingTranslator();
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Picture), translator);
        var body = word.MainDocumentPart!.Document.Body!;
        var docPr = body.Descendants().Single(element => element.LocalName == "docPr");
        var cNvPr = body.Descendants().Single(element => element.LocalName == "cNvPr");
        Assert.Equal(L("الرئيس في موسكو"), docPr.GetAttribute("descr", "").Value);
        Assert.Equal(L("صورة الزيارة"), docPr.GetAttribute("title", "").Value);
        Assert.Equal(L("الرئيس في موسكو"), cNvPr.GetAttribute("descr", "").Value);
        Assert.Equal("Picture 1", docPr.GetAttribute("name", "").Value); // a name, not text a reader sees
        Assert.Single(translator.Calls.SelectMany(call => call), segment => segment == "الرئيس في موسكو");
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void A_shapes_alternative_text_and_a_picture_in_it_are_translated_once_and_both_copies_of_the_box_get_it()
    {
        var translator = new LatinizingTranslator();
        string box = DocxTextPlacesTests.TextBox.Replace("name=\"Text Box 1\"", "name=\"Text Box 1\" descr=\"مربع الخبر\"")
            .Replace("<w:p><w:r><w:t>نص في مربع</w:t></w:r></w:p>", "<w:p><w:r><w:t>نص في مربع</w:t></w:r></w:p>" + Picture.Trim());
        using var word = DocxFixture.Translate(DocxFixture.FromXml(box), translator);
        var descriptions = word.MainDocumentPart!.Document.Body!.Descendants().Where(element => element.LocalName is "docPr" or "cNvPr")
            .Select(element => element.GetAttribute("descr", "").Value);
        Assert.Equal([L("مربع الخبر"), L("الرئيس في موسكو"), L("الرئيس في موسكو"), L("الرئيس في موسكو"), L("الرئيس في موسكو")], descriptions);
        Assert.Single(translator.Calls.SelectMany(call => call), segment => segment == "الرئيس في موسكو");
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void A_links_tooltip_is_translated_and_the_link_kept()
    {
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Link), new LatinizingTranslator());
        var link = word.MainDocumentPart!.Document.Body!.Descendants<Hyperlink>().Single();
        Assert.Equal(L("التقرير الكامل للوكالة"), link.Tooltip!.Value);
        Assert.Equal("story", link.Anchor!.Value);
        Assert.Equal(L("التقرير"), link.InnerText);
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void A_vml_pictures_alternative_text_is_translated()
    {
        // A picture as Word 2003 wrote it (and later Words keep when such a document is saved as .docx).
        const string Vml = """
            <w:p><w:r><w:t>صورة</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x0000_i1025" type="#_x0000_t75" alt="الرئيس في موسكو" style="width:75pt;height:75pt"/></w:pict></w:r></w:p>
            """;
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Vml), new LatinizingTranslator());
        var shape = word.MainDocumentPart!.Document.Body!.Descendants().Single(element => element.LocalName == "shape");
        Assert.Equal(L("الرئيس في موسكو"), shape.GetAttribute("alt", "").Value);
        Assert.Equal("_x0000_i1025", shape.GetAttribute("id", "").Value);
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void A_hyperlink_fields_tooltip_is_translated_in_its_instruction_and_a_field_without_one_is_left_alone()
    {
        // Word writes a link inserted as a field with its ScreenTip in the \o switch; it stayed Arabic.
        const string Field = """
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com/a\\b" \o "التقرير \"الكامل\"" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>التقرير</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com/b" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>الخبر</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """;
        var translator = new LatinizingTranslator();
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Field), translator);
        var codes = word.MainDocumentPart!.Document.Body!.Descendants<FieldCode>().Select(code => code.Text).ToList();
        string tooltip = L("التقرير \"الكامل\"").Replace("\"", "\\\"");
        Assert.Equal([$" HYPERLINK \"https://example.com/a\\\\b\" \\o \"{tooltip}\" ", " HYPERLINK \"https://example.com/b\" "], codes);
        Assert.Equal([L("التقرير"), L("الخبر")], word.MainDocumentPart.Document.Body.Elements<Paragraph>().Select(paragraph => paragraph.Descendants().Single(element => element.LocalName == "t").InnerText));
        Assert.Contains("التقرير \"الكامل\"", translator.Calls.SelectMany(call => call)); // the text, not its escapes
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void A_hyperlink_fields_tooltip_cut_over_several_instruction_pieces_is_translated_each_piece_keeping_its_run()
    {
        // Word cuts an instruction where its runs differ (here the tooltip's second word is bold); the tooltip stayed Arabic.
        const string Field = """
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com/a" \o "التقرير </w:instrText></w:r><w:r><w:rPr><w:b/></w:rPr><w:instrText>الكامل</w:instrText></w:r><w:r><w:instrText xml:space="preserve">" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>التقرير</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """;
        var translator = new LatinizingTranslator();
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Field), translator);
        var codes = word.MainDocumentPart!.Document.Body!.Descendants<FieldCode>().Select(code => code.Text).ToList();
        Assert.Equal([$" HYPERLINK \"https://example.com/a\" \\o \"{L("التقرير الكامل")}", "", "\" "], codes);
        Assert.Contains("التقرير الكامل", translator.Calls.SelectMany(call => call));
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void A_simple_hyperlink_fields_tooltip_is_translated_in_its_instruction_attribute()
    {
        // w:fldSimple keeps the instruction in w:instr; its \o tooltip stayed Arabic.
        const string Field = """
            <w:p><w:fldSimple w:instr=" HYPERLINK &quot;https://example.com/a&quot; \o &quot;التقرير الكامل&quot; "><w:r><w:t>التقرير</w:t></w:r></w:fldSimple></w:p>
            """;
        using var word = DocxFixture.Translate(DocxFixture.FromXml(Field), new LatinizingTranslator());
        var field = word.MainDocumentPart!.Document.Body!.Descendants<SimpleField>().Single();
        Assert.Equal($" HYPERLINK \"https://example.com/a\" \\o \"{L("التقرير الكامل")}\" ", field.Instruction!.Value);
        Assert.Equal(L("التقرير"), field.InnerText);
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void The_documents_title_subject_description_and_keywords_are_translated()
    {
        using var word = DocxFixture.Translate(Titled(DocxFixture.FromXml(Link)), new LatinizingTranslator());
        var properties = word.PackageProperties;
        Assert.Equal(L("زيارة الرئيس"), properties.Title);
        Assert.Equal(L("السياسة الخارجية"), properties.Subject);
        Assert.Equal(L("تقرير عن الزيارة."), properties.Description);
        Assert.Equal(L("موسكو") + ", " + L("دمشق"), properties.Keywords); // one list, in the target's punctuation
        Assert.Equal("محرر", properties.Creator); // a name
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void Empty_alternative_text_and_tooltips_are_left_alone()
    {
        var translator = new LatinizingTranslator();
        var docx = DocxFixture.FromXml(Picture.Replace("title=\"صورة الزيارة\"", "title=\" \"").Replace("الرئيس في موسكو", "")
            + Link.Replace("التقرير الكامل للوكالة", ""));
        using var word = DocxFixture.Translate(docx, translator);
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Equal(" ", body.Descendants().Single(element => element.LocalName == "docPr").GetAttribute("title", "").Value);
        Assert.Equal("", body.Descendants<Hyperlink>().Single().Tooltip!.Value);
        Assert.Single(translator.Calls.SelectMany(call => call)); // the paragraph's sentence only
    }

    [Fact]
    public void Whatever_the_model_answers_the_document_stays_valid_and_its_properties_readable()
    {
        // Markup characters, entities and line breaks in a translation go into XML attributes and core.xml.
        var docx = Titled(DocxFixture.FromXml(Picture + Link));
        for (int seed = 0; seed < 20; seed++)
        {
            using var output = new MemoryStream();
            new DocumentTranslator(new GarbageTranslator(seed)).Translate(new MemoryStream(docx), "story.docx", output);
            using var word = WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
            Assert.Empty(new OpenXmlValidator().Validate(word).Select(error => $"seed {seed}: {error.Description} at {error.Path?.XPath}"));
            Assert.NotNull(word.PackageProperties.Title);
        }
    }

    [Fact]
    public void Property_texts_come_after_the_paragraphs_so_a_paragraphs_segment_id_is_what_it_was()
    {
        // An XLIFF made before these texts were read still merges its targets into the same paragraphs.
        var segments = DocumentExtractor.ExtractWord(new MemoryStream(Titled(DocxFixture.FromXml(Link + Picture))), "story.docx", "ar", "en").Segments;
        Assert.Equal(
            [("p0s0", "اقرأ التقرير"), ("p1s0", "التقرير الكامل للوكالة"), ("p2s0", "الرئيس في موسكو"), ("p3s0", "صورة الزيارة"),
             ("p4s0", "زيارة الرئيس"), ("p5s0", "السياسة الخارجية"), ("p6s0", "تقرير عن الزيارة."), ("p7s0", "موسكو، دمشق")],
            segments.Select(segment => (segment.Id, segment.Source)));
    }

    [Fact]
    public void An_editors_title_and_alternative_text_in_xliff_go_into_the_merged_word_document()
    {
        using var bilingual = new MemoryStream();
        new DocumentTranslator(new LatinizingTranslator(), new DocumentTranslationOptions { Bilingual = BilingualFormat.Xliff })
            .Translate(new MemoryStream(Titled(DocxFixture.FromXml(Picture))), "story.docx", bilingual);
        var xliff = XDocument.Parse(Encoding.UTF8.GetString(bilingual.ToArray()));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        XElement Target(string source) => xliff.Descendants(ns + "unit").Single(unit => unit.Descendants(ns + "source").Single().Value == source).Descendants(ns + "target").Single();
        Target("زيارة الرئيس").Value = "The President's visit";
        Target("الرئيس في موسكو").Value = "The President in Moscow";
        var merged = XliffMerger.Merge(XliffFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(xliff.ToString())), "story.xlf"), out var problems);
        Assert.Empty(problems);
        using var output = new MemoryStream();
        merged.WriteTo(output);
        using var word = WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
        Assert.Equal("The President's visit", word.PackageProperties.Title);
        Assert.Equal(L("السياسة الخارجية"), word.PackageProperties.Subject);
        Assert.All(word.MainDocumentPart!.Document.Body!.Descendants().Where(element => element.LocalName is "docPr" or "cNvPr"),
            element => Assert.Equal("The President in Moscow", element.GetAttribute("descr", "").Value));
    }
}
