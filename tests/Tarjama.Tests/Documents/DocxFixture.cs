extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>Word documents built with the Open XML SDK for the DOCX tests: a news story with a heading, a sentence split
/// over runs of one look, bold and italic words, a hyperlink, a table, a header, a footer and a footnote.</summary>
internal static class DocxFixture
{
    public const string LinkTarget = "https://example.org/news";

    public static byte[] Story(bool rightToLeft)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var link = main.AddHyperlinkRelationship(new Uri(LinkTarget), isExternal: true);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph(rightToLeft, Plain("وكالة الأنباء")));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph(rightToLeft, Plain("جميع الحقوق محفوظة")));
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(Paragraph(rightToLeft, Plain("المصدر وزارة الخارجية."))) { Id = 1 });
            main.Document = new Document(new Body(
                Paragraph(rightToLeft, Plain("زيارة الرئيس إلى موسكو")),
                // One sentence in three runs that look alike (Word splits runs by revision), then a bold word.
                Paragraph(rightToLeft, Plain("قال الرئيس ", "r1"), Plain("إن الزيارة ", "r2"), Plain("مهمة. ", "r3"),
                    new Run(new RunProperties(new Bold()), new WordText("وأضاف")), Plain(" أن المحادثات جيدة."),
                    new Run(new FootnoteReference { Id = 1 })),
                Paragraph(rightToLeft, Plain("اقرأ "), new Hyperlink(new Run(new RunProperties(new Italic()), new WordText("التقرير الكامل"))) { Id = link.Id }, Plain(" على الموقع.")),
                new Table(new TableRow(
                    new TableCell(Paragraph(rightToLeft, Plain("المدينة"))),
                    new TableCell(Paragraph(rightToLeft, Plain("دمشق"))))),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })));
        }
        return stream.ToArray();
    }

    /// <summary>Prefixes the XML of <see cref="FromXml"/> may use: WordprocessingML (w), markup compatibility (mc), and a
    /// text box's drawing (wp, a, wps) and VML (v).</summary>
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

    /// <summary>A Word document whose body is <paramref name="bodyXml"/> (WordprocessingML inside w:body), with
    /// <paramref name="stylesXml"/> (inside w:styles) as its styles and <paramref name="commentsXml"/> (inside
    /// w:comments) as its comments when given.</summary>
    public static byte[] FromXml(string bodyXml, string? stylesXml = null, string? commentsXml = null)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            Write(main, $"<w:document {Namespaces}><w:body>{bodyXml}</w:body></w:document>");
            if (stylesXml is not null)
            {
                Write(main.AddNewPart<StyleDefinitionsPart>(), $"<w:styles {Namespaces}>{stylesXml}</w:styles>");
            }
            if (commentsXml is not null)
            {
                Write(main.AddNewPart<WordprocessingCommentsPart>(), $"<w:comments {Namespaces}>{commentsXml}</w:comments>");
            }
        }
        return stream.ToArray();
    }

    /// <summary><paramref name="docx"/> translated by <paramref name="translator"/>, opened for reading.</summary>
    public static WordprocessingDocument Translate(byte[] docx, ISegmentTranslator translator)
    {
        using var output = new MemoryStream();
        new DocumentTranslator(translator).Translate(new MemoryStream(docx), "story.docx", output);
        return WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
    }

    private static void Write(OpenXmlPart part, string xml)
    {
        using var writer = new StreamWriter(part.GetStream(FileMode.Create));
        writer.Write(xml);
    }

    private static Run Plain(string text) => new(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run Plain(string text, string revision) =>
        new(new RunProperties(new RunFonts { Ascii = "Arial" }), new WordText(text) { Space = SpaceProcessingModeValues.Preserve }) { RsidRunProperties = revision };

    private static Paragraph Paragraph(bool rightToLeft, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (rightToLeft)
        {
            paragraph.AppendChild(new ParagraphProperties(new BiDi()));
            foreach (var run in content.OfType<Run>())
            {
                (run.RunProperties ?? run.PrependChild(new RunProperties())).RightToLeftText = new RightToLeftText();
            }
        }
        paragraph.Append(content);
        return paragraph;
    }
}
