extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>Word writes each text box twice (mc:AlternateContent: a drawing for Word 2010 and later, a VML copy in its
/// fallback for older readers). The copy is not read, so its text is translated and counted once, and it gets the
/// drawing's translation, so both show the same words.</summary>
internal static class DocxTextBoxCopies
{
    /// <summary>Whether <paramref name="element"/> is in a copy of text boxes (a fallback with as many as its choice).</summary>
    public static bool IsInCopy(OpenXmlElement element) => element.Ancestors<AlternateContentFallback>().Any(IsCopy);

    /// <summary>Fills each copy's text boxes in <paramref name="roots"/> with their originals' content, as translated.</summary>
    public static void Refill(IEnumerable<OpenXmlElement> roots)
    {
        foreach (var fallback in roots.SelectMany(root => root.Descendants<AlternateContentFallback>()).Where(IsCopy).ToList())
        {
            foreach (var (copy, original) in fallback.Descendants<TextBoxContent>().Zip(Originals(fallback)).ToList())
            {
                copy.RemoveAllChildren();
                copy.Append(original.ChildElements.Select(child => child.CloneNode(true)));
            }
        }
    }

    private static bool IsCopy(AlternateContentFallback fallback)
    {
        int boxes = fallback.Descendants<TextBoxContent>().Count();
        return boxes > 0 && Originals(fallback).Count() == boxes;
    }

    /// <summary>The text boxes of the fallback's choice (the first: Word writes one).</summary>
    private static IEnumerable<TextBoxContent> Originals(AlternateContentFallback fallback) =>
        fallback.Parent?.GetFirstChild<AlternateContentChoice>()?.Descendants<TextBoxContent>() ?? [];
}
