extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using Tarjama.Documents;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Tarjama.Tests.Documents;

/// <summary>A Word document as LibreOffice writes it (tests/fixtures/documents/libreoffice-story.ar.docx, made by
/// tools/docx/make-libreoffice-fixture.sh): right-to-left in its styles and section, tracked changes, a footnote, a
/// link, a table, a text box, a content control, a header and a footer with a page-number field.</summary>
public sealed class DocxLibreOfficeTests
{
    private static WordprocessingDocument TranslatedToEnglish()
    {
        using var output = new MemoryStream();
        using var input = File.OpenRead(Fixtures.Path("documents", "libreoffice-story.ar.docx"));
        new DocumentTranslator(new LatinizingTranslator()).Translate(input, "libreoffice-story.ar.docx", output);
        return WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
    }

    private static IEnumerable<OpenXmlElement> Parts(MainDocumentPart main) =>
        [main.Document, .. main.HeaderParts.Select(part => part.Header), .. main.FooterParts.Select(part => part.Footer), main.FootnotesPart!.Footnotes!];

    [Fact]
    public void Every_text_is_translated_but_deleted_text_and_field_codes()
    {
        using var word = TranslatedToEnglish();
        var main = word.MainDocumentPart!;
        var texts = Parts(main).SelectMany(part => part.Descendants<WordText>()).Select(text => text.Text.Trim()).ToList();
        Assert.Contains(LatinizingTranslator.Latinize("نص في مربع"), texts);
        Assert.Contains(LatinizingTranslator.Latinize("دمشق القديمة"), texts);
        Assert.DoesNotContain(texts, text => text.Any(c => c is >= '\u0621' and <= '\u064A'));
        Assert.Equal("القديم ", main.Document.Descendants<DeletedText>().Single().Text);
        Assert.Equal(" PAGE ", main.FooterParts.Single().Footer.Descendants<FieldCode>().Single().Text);
        Assert.Single(main.Document.Descendants<FootnoteReference>());
        Assert.Equal("https://example.org/news", main.HyperlinkRelationships.Single().Uri.ToString());
    }

    [Fact]
    public void Right_to_left_goes_from_the_document_and_its_styles()
    {
        using var word = TranslatedToEnglish();
        var main = word.MainDocumentPart!;
        static bool RightToLeft(OpenXmlElement element) => element is BiDi or RightToLeftText or BiDiVisual or GutterOnRight;
        Assert.DoesNotContain(Parts(main).Append(main.StyleDefinitionsPart!.Styles!).SelectMany(part => part.Descendants()), RightToLeft);
    }
}
