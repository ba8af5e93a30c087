extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>Word formats Arabic text by a run's complex-script properties (w:bCs, w:iCs, w:szCs) and Latin text by the
/// others (w:b, w:i, w:sz); an Arabic template often sets them apart (Arabic 14 pt, Latin 12 pt). When a translation
/// changes script, the target's properties take the values the source's script was shown with, so a bold 16-pt Arabic
/// headline stays a bold 16-pt English one. Only properties the source's script sets are carried: a Latin word bolded
/// inside Arabic text keeps its own.</summary>
internal static class DocxScriptFormatting
{
    /// <summary>Carries the formatting in <paramref name="parts"/> (content and styles) to the target's script:
    /// complex-script to Latin for a left-to-right target, the other way for a right-to-left one.</summary>
    public static void Carry(IEnumerable<OpenXmlElement> parts, bool toRightToLeft)
    {
        var roots = parts.ToList();
        if (toRightToLeft)
        {
            Carry<Bold, BoldComplexScript>(roots, b => new BoldComplexScript { Val = b.Val?.Value }, after: true);
            Carry<Italic, ItalicComplexScript>(roots, i => new ItalicComplexScript { Val = i.Val?.Value }, after: true);
            Carry<FontSize, FontSizeComplexScript>(roots, size => new FontSizeComplexScript { Val = size.Val?.Value }, after: true);
        }
        else
        {
            Carry<BoldComplexScript, Bold>(roots, b => new Bold { Val = b.Val?.Value }, after: false);
            Carry<ItalicComplexScript, Italic>(roots, i => new Italic { Val = i.Val?.Value }, after: false);
            Carry<FontSizeComplexScript, FontSize>(roots, size => new FontSize { Val = size.Val?.Value }, after: false);
        }
    }

    /// <summary>Puts beside each <typeparamref name="TFrom"/> its <typeparamref name="TTo"/> with the same value, in place
    /// of any there was: the Latin property comes right before its complex-script one in the schema's order.</summary>
    private static void Carry<TFrom, TTo>(List<OpenXmlElement> roots, Func<TFrom, TTo> counterpart, bool after)
        where TFrom : OpenXmlElement where TTo : OpenXmlElement
    {
        foreach (var from in roots.SelectMany(root => root.Descendants<TFrom>()).ToList())
        {
            from.Parent!.RemoveAllChildren<TTo>();
            if (after)
            {
                from.InsertAfterSelf(counterpart(from));
            }
            else
            {
                from.InsertBeforeSelf(counterpart(from));
            }
        }
    }
}
