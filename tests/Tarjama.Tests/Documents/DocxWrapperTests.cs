extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Validation;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using System.Text.RegularExpressions;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>Text Word keeps inside other elements of a paragraph (tracked insertions, content controls, custom XML,
/// smart tags, fields) is translated where it is; deleted text and field codes are not.</summary>
public sealed partial class DocxWrapperTests
{
    private static string L(string arabic) => LatinizingTranslator.Latinize(arabic);

    private static WordprocessingDocument Translate(string bodyXml, ISegmentTranslator? translator = null) =>
        DocxFixture.Translate(DocxFixture.FromXml(bodyXml), translator ?? new LatinizingTranslator());

    [Fact]
    public void A_tracked_insertion_is_translated_and_a_tracked_deletion_kept()
    {
        using var word = Translate("""
            <w:p><w:r><w:t xml:space="preserve">قال </w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>الرئيس الجديد</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>القديم</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> كلاما.</w:t></w:r></w:p>
            """);
        var paragraph = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single();
        Assert.Equal(L("الرئيس الجديد"), paragraph.Elements<InsertedRun>().Single().InnerText);
        Assert.Equal("القديم", paragraph.Elements<DeletedRun>().Single().InnerText);
        Assert.Equal([typeof(InsertedRun), typeof(DeletedRun)], paragraph.ChildElements.Where(child => child is not Run).Select(child => child.GetType()));
    }

    [Fact]
    public void Codes_that_stand_alone_gain_no_space_where_the_source_had_none()
    {
        using var word = Translate("""
            <w:p><w:r><w:t xml:space="preserve">قال </w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>الرئيس الجديد</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>القديم</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> كلاما.</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">قال </w:t></w:r><w:bookmarkStart w:id="3" w:name="a"/><w:r><w:t>الرئيس</w:t></w:r></w:p>
            <w:p><w:r><w:t>قال</w:t></w:r><w:bookmarkStart w:id="4" w:name="b"/><w:r><w:t xml:space="preserve"> الرئيس</w:t></w:r></w:p>
            """);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(paragraph => string.Concat(
            paragraph.Descendants().Select(element => element switch { WordText text => text.Text, DeletedText => "|", BookmarkStart => "|", _ => "" })));
        Assert.Equal([L("قال الرئيس الجديد|") + " " + L("كلاما."), L("قال |الرئيس"), L("قال| الرئيس")], paragraphs);
    }

    [Fact]
    public void Content_controls_and_custom_xml_are_translated_and_keep_their_properties()
    {
        using var word = Translate("""
            <w:p><w:customXml w:element="person"><w:r><w:t>أحمد</w:t></w:r></w:customXml><w:r><w:t xml:space="preserve"> يكتب </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="city"/></w:sdtPr><w:sdtContent><w:r><w:t>في دمشق</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:sdt><w:sdtPr><w:alias w:val="story"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>فقرة في عنصر تحكم</w:t></w:r></w:p></w:sdtContent></w:sdt>
            """);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraph = body.Elements<Paragraph>().Single();
        Assert.Equal(L("أحمد"), paragraph.Elements<CustomXmlRun>().Single().InnerText);
        Assert.Equal("person", paragraph.Elements<CustomXmlRun>().Single().Element!.Value);
        var control = paragraph.Elements<SdtRun>().Single();
        Assert.Equal("city", control.SdtProperties!.GetFirstChild<SdtAlias>()!.Val!.Value);
        Assert.Equal(L("في دمشق"), control.SdtContentRun!.InnerText);
        Assert.Equal(L("فقرة في عنصر تحكم"), body.Elements<SdtBlock>().Single().InnerText);
    }

    [Fact]
    public void A_content_control_bound_to_the_documents_data_is_unbound_from_it()
    {
        // Word fills a bound control (a cover page's title, bound to the document's properties) from that data when it
        // opens the document: the translation was there in the file, and Word showed the Arabic title.
        using var word = Translate("""
            <w:sdt><w:sdtPr><w:alias w:val="Title"/><w:dataBinding w:prefixMappings="xmlns:ns0='http://purl.org/dc/elements/1.1/' xmlns:ns1='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'" w:xpath="/ns1:coreProperties[1]/ns0:title[1]" w:storeItemID="{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>زيارة الرئيس</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:r><w:t xml:space="preserve">التاريخ: </w:t></w:r><w:sdt><w:sdtPr><w:dataBinding w:xpath="/story[1]/day[1]" w:storeItemID="{00000000-0000-0000-0000-000000000001}"/></w:sdtPr><w:sdtContent><w:r><w:t>أمس</w:t></w:r></w:sdtContent></w:sdt></w:p>
            """);
        var body = word.MainDocumentPart!.Document.Body!;
        var title = body.Elements<SdtBlock>().Single();
        Assert.Equal(L("زيارة الرئيس"), title.InnerText);
        Assert.Equal("Title", title.SdtProperties!.GetFirstChild<SdtAlias>()!.Val!.Value);
        Assert.Equal(L("أمس"), body.Descendants<SdtRun>().Single().InnerText);
        Assert.Empty(body.Descendants<DataBinding>());
    }

    [Fact]
    public void Smart_tags_are_translated_and_keep_their_properties()
    {
        // Word 2003-2007 wrapped names, places and dates in smart tags; their text was left in Arabic.
        using var word = Translate("""
            <w:p><w:r><w:t xml:space="preserve">زار الرئيس </w:t></w:r><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="City"><w:smartTagPr><w:attr w:name="country" w:val="SY"/></w:smartTagPr><w:r><w:t>دمشق</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> أمس.</w:t></w:r></w:p>
            <w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="country-region"><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:r><w:t>سوريا</w:t></w:r></w:smartTag></w:smartTag></w:p>
            """);
        var paragraph = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First();
        Assert.Equal(L("سوريا"), word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Last().InnerText); // a smart tag in a smart tag
        var tag = paragraph.Elements<OpenXmlUnknownElement>().Single(element => element.LocalName == "smartTag"); // the SDK has no type for it
        Assert.Equal(L("دمشق"), tag.InnerText);
        Assert.Equal("City", tag.GetAttribute("element", tag.NamespaceUri).Value);
        Assert.Equal("""<w:smartTagPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:attr w:name="country" w:val="SY" /></w:smartTagPr>""", tag.FirstChild!.OuterXml);
        Assert.Equal(L("زار الرئيس دمشق أمس."), paragraph.InnerText);
    }

    [Fact]
    public void Field_results_are_translated_and_field_codes_kept()
    {
        using var word = Translate("""
            <w:p><w:r><w:t xml:space="preserve">انظر </w:t></w:r><w:fldSimple w:instr=" REF خريطة \h "><w:r><w:t>الخريطة</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> و </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF جدول \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>الجدول</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """);
        var paragraph = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single();
        var simple = paragraph.Elements<SimpleField>().Single();
        Assert.Equal(" REF خريطة \\h ", simple.Instruction!.Value);
        Assert.Equal(L("الخريطة"), simple.InnerText);
        Assert.Equal(" REF جدول \\h ", paragraph.Descendants<FieldCode>().Single().Text);
        var runs = paragraph.Elements<Run>().ToList();
        int separate = runs.FindIndex(run => run.GetFirstChild<FieldChar>()?.FieldCharType?.Value == FieldCharValues.Separate);
        Assert.Equal(L("الجدول"), runs[separate + 1].InnerText.Trim());
        Assert.Equal(FieldCharValues.End, runs[separate + 2].GetFirstChild<FieldChar>()!.FieldCharType!.Value);
    }

    [Fact]
    public void A_field_result_stays_in_its_field_when_the_translation_moves_the_codes_away()
    {
        // A model that puts every placeholder after the words: the field's begin and end must still enclose its result.
        var codesLast = new FunctionTranslator(segment => L(PlaceholderToken().Replace(segment, "")) + string.Concat(PlaceholderToken().Matches(segment).Select(token => token.Value)));
        using var word = Translate("""
            <w:p><w:r><w:t xml:space="preserve">انظر </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>الخريطة</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """, codesLast);
        var runs = word.MainDocumentPart!.Document.Body!.Descendants<Run>().ToList();
        int separate = runs.FindIndex(run => run.GetFirstChild<FieldChar>()?.FieldCharType?.Value == FieldCharValues.Separate);
        int end = runs.FindIndex(run => run.GetFirstChild<FieldChar>()?.FieldCharType?.Value == FieldCharValues.End);
        Assert.Contains(L("الخريطة"), string.Concat(runs[(separate + 1)..end].Select(run => run.InnerText)));
        Assert.Equal(" HYPERLINK \"https://example.org\" ", runs.Single(run => run.GetFirstChild<FieldCode>() is not null).InnerText);
    }

    [Fact]
    public void The_document_stays_valid_whatever_the_model_returns()
    {
        var documents = new[]
        {
            File.ReadAllBytes(Fixtures.Path("documents", "libreoffice-story.ar.docx")),
            DocxFixture.FromXml("""
                <w:p><w:r><w:t xml:space="preserve">قال </w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>الرئيس الجديد</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>القديم</w:delText></w:r></w:del><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> كلاما.</w:t></w:r></w:p>
                <w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="City"><w:smartTagPr><w:attr w:name="country" w:val="SY"/></w:smartTagPr><w:r><w:t>دمشق</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> عاصمة.</w:t></w:r></w:p>
                <w:p><w:customXml w:element="person"><w:r><w:t>أحمد</w:t></w:r></w:customXml><w:r><w:t xml:space="preserve"> يكتب </w:t></w:r><w:sdt><w:sdtPr><w:alias w:val="city"/></w:sdtPr><w:sdtContent><w:r><w:t>في دمشق</w:t></w:r></w:sdtContent></w:sdt></w:p>
                <w:p><w:fldSimple w:instr=" REF خريطة \h "><w:r><w:t>الخريطة</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> و </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF جدول \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>الجدول</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> هنا.</w:t></w:r></w:p>
                """),
            DocxFixture.FromXml(DocxTextPlacesTests.TextBox + DocxTextPlacesTests.Ruby + DocxTextPlacesTests.Separators),
        };
        foreach (var document in documents)
        {
            for (int seed = 0; seed < 20; seed++)
            {
                using var output = new MemoryStream();
                new DocumentTranslator(new GarbageTranslator(seed)).Translate(new MemoryStream(document), "story.docx", output);
                using var word = WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
                // LibreOffice's numbering part breaks the schema's element order already in its own file; the SDK knows no
                // w:smartTag, which Word writes and reads (the source has that error too).
                Assert.Empty(new OpenXmlValidator().Validate(word)
                    .Where(error => !error.Part!.Uri.OriginalString.EndsWith("numbering.xml", StringComparison.Ordinal) && !error.Description.Contains(":smartTag'", StringComparison.Ordinal))
                    .Select(error => $"seed {seed}: {error.Description} at {error.Path?.XPath}"));
            }
        }
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex PlaceholderToken();
}
