extern alias OpenXml;

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using Tarjama.Documents;
using Tarjama.Documents.Xliff;

namespace Tarjama.Tests.Documents;

/// <summary>A Word document's bilingual views: its sentences side by side (TMX, JSONL, HTML), and XLIFF with the
/// package inside, which merge writes back into a Word document with the editor's words.</summary>
public sealed class WordBilingualTests
{
    private static readonly byte[] Story = DocxFixture.Story(rightToLeft: true);

    private static byte[] Translate(byte[] docx, DocumentTranslationOptions options)
    {
        using var output = new MemoryStream();
        new DocumentTranslator(new LatinizingTranslator(), options).Translate(new MemoryStream(docx), "story.docx", output);
        return output.ToArray();
    }

    private static string Bilingual(BilingualFormat format, XliffVersion version = XliffVersion.V21) =>
        Encoding.UTF8.GetString(Translate(Story, new DocumentTranslationOptions { Bilingual = format, XliffVersion = version }));

    private static MergedDocument Merge(string xliff, out IReadOnlyList<string> problems) =>
        XliffMerger.Merge(XliffFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(xliff)), "story.xlf"), out problems);

    private static byte[] Written(MergedDocument merged)
    {
        using var output = new MemoryStream();
        merged.WriteTo(output);
        return output.ToArray();
    }

    /// <summary>Each part's content by name: two packages written at different times differ in their ZIP timestamps.</summary>
    private static Dictionary<string, string> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        });
    }

    [Theory]
    [InlineData(XliffVersion.V21)]
    [InlineData(XliffVersion.V12)]
    public void Xliff_of_a_word_document_is_valid_and_merges_back_into_the_direct_translation(XliffVersion version)
    {
        string xliff = Bilingual(BilingualFormat.Xliff, version);
        Assert.Empty(XliffSchemas.Errors(xliff));
        Assert.Contains(version == XliffVersion.V21 ? "tj:format=\"x-docx\"" : "datatype=\"x-docx\"", xliff);
        Assert.Contains("زيارة الرئيس إلى موسكو", xliff);
        var merged = Merge(xliff, out var problems);
        Assert.Empty(problems);
        Assert.Empty(merged.Issues);
        Assert.True(merged.IsPackage);
        Assert.Throws<InvalidOperationException>(() => merged.Render());
        Assert.Equal(Parts(Translate(Story, new DocumentTranslationOptions())), Parts(Written(merged)));
        Assert.Throws<InvalidOperationException>(() => Written(merged)); // the package is written once
    }

    [Fact]
    public void An_editors_target_goes_into_the_word_document_and_the_links_and_notes_stay()
    {
        var xliff = XDocument.Parse(Bilingual(BilingualFormat.Xliff));
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        var heading = xliff.Descendants(ns + "unit").Single(unit => unit.Descendants(ns + "source").Single().Value == "زيارة الرئيس إلى موسكو");
        heading.Descendants(ns + "target").Single().Value = "The President's visit to Moscow";
        var merged = Merge(xliff.ToString(), out var problems);
        Assert.Empty(problems);
        using var word = WordprocessingDocument.Open(new MemoryStream(Written(merged)), false);
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Equal("The President's visit to Moscow", body.Elements<Paragraph>().First().InnerText);
        Assert.Equal(LatinizingTranslator.Latinize("اقرأ التقرير الكامل على الموقع."), string.Concat(body.Elements<Paragraph>().ElementAt(2).Descendants<WordText>().Select(t => t.Text)));
        Assert.Single(body.Descendants<Hyperlink>());
        Assert.Single(body.Descendants<FootnoteReference>());
        Assert.Empty(body.Descendants<BiDi>()); // set for English, as translate sets it
    }

    [Fact]
    public void A_word_documents_package_that_is_not_base64_in_the_xliff_is_one_line()
    {
        var xliff = XDocument.Parse(Bilingual(BilingualFormat.Xliff));
        xliff.Descendants(XNamespace.Get("urn:oasis:names:tc:xliff:document:2.0") + "skeleton").Single().Value = "not base64 !";
        var error = Assert.Throws<TarjamaException>(() => Merge(xliff.ToString(), out _));
        Assert.Equal("story.docx: the Word document inside the XLIFF is not base64 (was its skeleton edited?)", error.Message);
    }

    [Fact]
    public void A_word_documents_sentences_are_listed_side_by_side()
    {
        var records = Bilingual(BilingualFormat.Jsonl).TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var sources = records.Select(record => record.GetProperty("source").GetString()).ToList();
        Assert.Contains("زيارة الرئيس إلى موسكو", sources);
        Assert.Contains("المصدر وزارة الخارجية.", sources); // the footnote's, as translate translates it
        Assert.All(records, record => Assert.Equal(LatinizingTranslator.Latinize(record.GetProperty("source").GetString()!), record.GetProperty("target").GetString()));
        var tmx = XDocument.Parse(Bilingual(BilingualFormat.Tmx));
        Assert.Equal(records.Count, tmx.Descendants("tu").Count());
        Assert.Contains("زيارة الرئيس إلى موسكو", Bilingual(BilingualFormat.Html));
    }
}
