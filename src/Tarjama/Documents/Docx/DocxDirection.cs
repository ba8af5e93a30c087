extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>The document's direction, set for an Arabic target and cleared for an English one, so the translation reads
/// in its own direction: paragraphs (w:bidi), runs (w:rtl), tables (w:bidiVisual: first column on the right) and
/// sections (w:bidi).</summary>
internal static class DocxDirection
{
    /// <summary>Sets the direction of everything in <paramref name="roots"/> (the body, headers, footers, notes). Cleared,
    /// it is cleared from the styles too: a style's right-to-left setting would still apply to what uses it.</summary>
    public static void Set(IEnumerable<OpenXmlElement> roots, IEnumerable<OpenXmlElement> styles, bool rightToLeft)
    {
        if (!rightToLeft)
        {
            foreach (var element in roots.Concat(styles).SelectMany(root => root.Descendants()).Where(IsRightToLeft).ToList())
            {
                element.Remove();
            }
            return;
        }
        foreach (var root in roots)
        {
            foreach (var paragraph in root.Descendants<Paragraph>())
            {
                (paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties())).BiDi = new BiDi();
            }
            foreach (var run in root.Descendants<Run>())
            {
                (run.RunProperties ?? run.PrependChild(new RunProperties())).RightToLeftText = new RightToLeftText();
            }
            foreach (var table in root.Descendants<Table>())
            {
                (table.GetFirstChild<TableProperties>() ?? table.PrependChild(new TableProperties())).BiDiVisual = new BiDiVisual();
            }
            foreach (var section in root.Descendants<SectionProperties>())
            {
                section.RemoveAllChildren<BiDi>();
                section.AddChild(new BiDi());
            }
        }
    }

    /// <summary>Turns the direction wrappers (w:dir, w:bdo) set to the source's direction to the target's, when they
    /// differ: a right-to-left override shows English letter by letter backwards. One set the other way (digits kept left
    /// to right in Arabic text) is left as it is.</summary>
    public static void TurnWrappers(IEnumerable<OpenXmlElement> roots, bool rightToLeft)
    {
        var (source, target) = rightToLeft ? (DirectionValues.Ltr, DirectionValues.Rtl) : (DirectionValues.Rtl, DirectionValues.Ltr);
        foreach (var root in roots)
        {
            foreach (var embedding in root.Descendants<BidirectionalEmbedding>().Where(embedding => embedding.Val?.Value == source))
            {
                embedding.Val = target;
            }
            foreach (var over in root.Descendants<BidirectionalOverride>().Where(over => over.Val?.Value == source))
            {
                over.Val = target;
            }
        }
    }

    /// <summary>A right-to-left setting of a paragraph or section (w:bidi), a run (w:rtl) or a table (w:bidiVisual), in
    /// direct formatting or in a style, or a right-to-left section's gutter on the right (w:rtlGutter).</summary>
    private static bool IsRightToLeft(OpenXmlElement element) => element is BiDi or RightToLeftText or BiDiVisual or GutterOnRight;
}
