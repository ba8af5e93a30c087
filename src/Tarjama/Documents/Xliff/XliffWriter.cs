using System.Xml;
using System.Xml.Linq;

namespace Tarjama.Documents.Xliff;

/// <summary>Writes a translated document as XLIFF 1.2 or 2.1: one unit per segment with its source and target (text and
/// inline codes), the target's state (needs review for machine output, translated for exact memory matches), notes
/// for the editor, and the original document inside (a Word package in base64), so <see cref="XliffMerger"/> can write
/// the edited document back.</summary>
internal static class XliffWriter
{
    public static void Write(TextWriter output, string original, string originalName, MergedDocument merged, ExtractedDocument document, XliffVersion version)
    {
        if (XmlText.Clean(original).Length != original.Length)
        {
            throw new TarjamaException($"{originalName}: the document holds characters XML cannot hold, so it cannot travel inside XLIFF");
        }
        var units = merged.Segments.Where(segment => segment.Segment.Translatable);
        var xliff = version == XliffVersion.V21 ? V21(original, originalName, units, document) : V12(original, originalName, units, document);
        output.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>"); // what Tarjama writes is UTF-8, whatever writer carries it
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, OmitXmlDeclaration = true }))
        {
            xliff.Save(xml);
        }
        output.WriteLine(); // a text file's last line ends, as TMX's and the other outputs' do
    }

    private static XElement V21(string original, string name, IEnumerable<MergedSegment> segments, ExtractedDocument document)
    {
        var ns = XliffNames.V21;
        return new XElement(ns + "xliff",
            new XAttribute("version", "2.1"), new XAttribute("srcLang", document.SourceLanguage), new XAttribute("trgLang", document.TargetLanguage),
            new XAttribute(XNamespace.Xmlns + "tj", XliffNames.Tarjama),
            new XElement(ns + "file", new XAttribute("id", "f1"), new XAttribute("original", name), new XAttribute(XliffNames.Tarjama + "format", XliffNames.DataType(document.Format)),
                new XElement(ns + "skeleton", original),
                segments.Select(merged => new XElement(ns + "unit", new XAttribute("id", merged.Segment.Id),
                    new XElement(ns + "notes", Notes(merged).Select(note => new XElement(ns + "note", new XAttribute("category", note.Category), note.Text))),
                    new XElement(ns + "segment", new XAttribute("state", "translated"), NeedsReview(merged) ? new XAttribute("subState", "tarjama:needs-review") : null,
                        new XElement(ns + "source", new XAttribute(XNamespace.Xml + "space", "preserve"), XliffInline.Write(merged.Segment.SourceParts, merged.Segment, XliffVersion.V21)),
                        new XElement(ns + "target", new XAttribute(XNamespace.Xml + "space", "preserve"), XliffInline.Write(merged.TargetParts, merged.Segment, XliffVersion.V21)))))));
    }

    private static XElement V12(string original, string name, IEnumerable<MergedSegment> segments, ExtractedDocument document)
    {
        var ns = XliffNames.V12;
        return new XElement(ns + "xliff", new XAttribute("version", "1.2"),
            new XElement(ns + "file", new XAttribute("original", name), new XAttribute("source-language", document.SourceLanguage),
                new XAttribute("target-language", document.TargetLanguage), new XAttribute("datatype", XliffNames.DataType(document.Format)),
                new XElement(ns + "header",
                    new XElement(ns + "skl", new XElement(ns + "internal-file", document.Format == DocumentFormat.Docx ? new XAttribute("form", "base64") : null, original)),
                    new XElement(ns + "tool", new XAttribute("tool-id", "tarjama"), new XAttribute("tool-name", "Tarjama"))),
                new XElement(ns + "body", segments.Select(merged => new XElement(ns + "trans-unit", new XAttribute("id", merged.Segment.Id),
                    new XAttribute(XNamespace.Xml + "space", "preserve"),
                    new XElement(ns + "source", XliffInline.Write(merged.Segment.SourceParts, merged.Segment, XliffVersion.V12)),
                    new XElement(ns + "target", new XAttribute("state", NeedsReview(merged) ? "needs-review-translation" : "translated"),
                        XliffInline.Write(merged.TargetParts, merged.Segment, XliffVersion.V12)),
                    Notes(merged).Select(note => new XElement(ns + "note", new XAttribute("from", note.Category), note.Text)))))));
    }

    /// <summary>Anything but an exact memory match (an approved translation) is for an editor to review.</summary>
    private static bool NeedsReview(MergedSegment merged) => merged.Origin.Source != TranslationSource.MemoryExact;

    /// <summary>Where the translation came from, then the notes that came with it (memory matches, QA flags).</summary>
    private static IEnumerable<(string Category, string Text)> Notes(MergedSegment merged) =>
        SegmentPairWriter.Record(merged).Remarks.Select(note => ("tarjama", XmlText.Clean(note))).Prepend(("origin", merged.Origin.ToString()));
}
