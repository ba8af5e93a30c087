extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>Right-to-left paragraph and run properties, set for an Arabic target and cleared for an English one, so
/// the translation reads in its own direction.</summary>
internal static class DocxDirection
{
    public static void Set(Paragraph paragraph, bool rightToLeft)
    {
        var properties = paragraph.ParagraphProperties;
        if (rightToLeft)
        {
            properties ??= paragraph.PrependChild(new ParagraphProperties());
            properties.BiDi ??= new BiDi();
        }
        else if (properties?.BiDi is not null)
        {
            properties.BiDi = null;
        }
        foreach (var run in paragraph.Descendants<Run>().Where(run => run.Ancestors<Paragraph>().First() == paragraph))
        {
            if (rightToLeft)
            {
                var runProperties = run.RunProperties ?? run.PrependChild(new RunProperties());
                runProperties.RightToLeftText ??= new RightToLeftText();
            }
            else if (run.RunProperties?.RightToLeftText is not null)
            {
                run.RunProperties.RightToLeftText = null;
            }
        }
    }
}
