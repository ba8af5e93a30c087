extern alias OpenXml;

using System.IO.Compression;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using Tarjama.Documents;
using Tarjama.Documents.Docx;
using Tarjama.Translation;

namespace Tarjama.Tests.Documents;

/// <summary>Word documents through the real engine (the tiny fixture models): structure, formatting, links, notes and
/// direction kept; broken packages refused with one line.</summary>
public sealed class DocxDocumentTests
{
    private static byte[] Translate(byte[] docx, string model, string name = "story.docx")
    {
        using var translator = Translator.Load(Fixtures.Path("models", model), new TranslatorOptions { Generation = new() { MaxNewTokens = 12 } });
        using var output = new MemoryStream();
        new DocumentTranslator(translator).Translate(new MemoryStream(docx), name, output);
        return output.ToArray();
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static List<string> Texts(WordprocessingDocument word) =>
        [.. word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];

    [Fact]
    public void Keeps_paragraphs_tables_links_notes_headers_and_footers_and_translates_them()
    {
        var source = DocxFixture.Story(rightToLeft: true);
        using var before = Open(source);
        using var after = Open(Translate(source, "tiny-ar-en"));
        var main = after.MainDocumentPart!;
        Assert.Equal(Texts(before).Count, Texts(after).Count);
        Assert.All(Texts(after).Zip(Texts(before)), pair => Assert.NotEqual(pair.Second, pair.First));
        Assert.Single(main.Document.Body!.Descendants<Table>());
        Assert.Equal(2, main.Document.Body!.Descendants<TableCell>().Count());
        var link = Assert.Single(main.Document.Body!.Descendants<Hyperlink>());
        Assert.Equal(DocxFixture.LinkTarget, main.HyperlinkRelationships.Single(r => r.Id == link.Id).Uri.ToString());
        Assert.NotEmpty(link.InnerText);
        Assert.NotNull(link.Descendants<Italic>().SingleOrDefault());
        Assert.Single(main.Document.Body!.Descendants<Bold>());
        Assert.Single(main.Document.Body!.Descendants<FootnoteReference>());
        Assert.NotEqual(before.MainDocumentPart!.HeaderParts.Single().Header.InnerText, main.HeaderParts.Single().Header.InnerText);
        Assert.NotEqual(before.MainDocumentPart!.FooterParts.Single().Footer.InnerText, main.FooterParts.Single().Footer.InnerText);
        var note = main.FootnotesPart!.Footnotes.Elements<Footnote>().Single(n => n.Id! == 1);
        Assert.NotEqual("المصدر وزارة الخارجية.", note.InnerText);
        Assert.NotNull(main.FootnotesPart!.Footnotes.Elements<Footnote>().Single(n => n.Id! == -1).Descendants<SeparatorMark>().SingleOrDefault());
    }

    [Fact]
    public void A_sentence_split_over_runs_of_one_look_is_one_segment()
    {
        var source = DocxFixture.Story(rightToLeft: true);
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-ar-en"), new TranslatorOptions { Generation = new() { MaxNewTokens = 12 } });
        var counting = new CountingTranslator(translator);
        new DocumentTranslator(counting).Translate(new MemoryStream(source), "story.docx", new MemoryStream());
        Assert.Contains("قال الرئيس إن الزيارة مهمة.", counting.Seen);
    }

    [Fact]
    public void Direction_follows_the_target_language()
    {
        using var english = Open(Translate(DocxFixture.Story(rightToLeft: true), "tiny-ar-en"));
        Assert.Empty(english.MainDocumentPart!.Document.Body!.Descendants<BiDi>());
        Assert.Empty(english.MainDocumentPart!.Document.Body!.Descendants<RightToLeftText>());
        using var translatedBack = Open(Translate(Translate(DocxFixture.Story(rightToLeft: true), "tiny-ar-en"), "tiny-en-ar"));
        var body = translatedBack.MainDocumentPart!.Document.Body!;
        Assert.All(body.Descendants<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.BiDi));
        Assert.All(body.Descendants<Run>().Where(r => r.InnerText.Length > 0), r => Assert.NotNull(r.RunProperties?.RightToLeftText));
    }

    [Fact]
    public void Not_a_zip_is_one_line()
    {
        var error = Assert.Throws<TarjamaException>(() => Translate("مرحبا"u8.ToArray(), "tiny-ar-en"));
        Assert.StartsWith("story.docx: not a DOCX file", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_password_protected_document_is_named_as_one()
    {
        // Word encrypts a protected .docx into an OLE compound file; it was "not a ZIP package: End of Central Directory record could not be found".
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]];
        var error = Assert.Throws<TarjamaException>(() => Translate(encrypted, "tiny-ar-en"));
        Assert.Equal("story.docx: a password-protected Word document or an old binary .doc (an OLE compound file, not a DOCX package); save it without a password as .docx", error.Message);
    }

    [Fact]
    public void A_zip_without_a_document_part_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }
        var error = Assert.Throws<TarjamaException>(() => Translate(stream.ToArray(), "tiny-ar-en"));
        Assert.StartsWith("story.docx: not a Word document", error.Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++)
            {
                entry.Write(zeros);
            }
        }
        Assert.True(stream.Length < 2 << 20);
        var error = Assert.Throws<TarjamaException>(() => Translate(stream.ToArray(), "tiny-ar-en"));
        Assert.Contains("ZIP bomb", error.Message);
    }

    [Fact]
    public void A_part_nested_past_the_limit_is_refused_before_the_sdk_recurses_into_it()
    {
        // 100,000 nested content controls: the Open XML SDK recursed into them and overflowed the stack, ending the process.
        const int depth = 100_000;
        var source = DocxFixture.Story(rightToLeft: true);
        using var stream = new MemoryStream();
        stream.Write(source);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            writer.Write(string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)));
            writer.Write("<w:p><w:r><w:t>مرحبا</w:t></w:r></w:p>");
            writer.Write(string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth)));
            writer.Write("</w:body></w:document>");
        }
        var error = Assert.Throws<TarjamaException>(() => Translate(stream.ToArray(), "tiny-ar-en"));
        Assert.Equal($"story.docx: word/document.xml nests deeper than {DocxPackage.MaxDepth} elements (line 1)", error.Message);
    }

    private sealed class CountingTranslator(ISegmentTranslator inner) : ISegmentTranslator
    {
        public List<string> Seen { get; } = [];

        public string SourceLanguage => inner.SourceLanguage;

        public string TargetLanguage => inner.TargetLanguage;

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
        {
            Seen.AddRange(segments);
            return inner.Translate(segments, cancellationToken);
        }
    }
}
