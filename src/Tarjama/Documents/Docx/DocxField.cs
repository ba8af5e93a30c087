extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>A complex field among a paragraph's runs: <see cref="Code"/> (the begin character, the instructions, the
/// separate character) and <see cref="End"/> are markup around the field's result, so its translation stays inside the
/// field (a HYPERLINK field keeps its words linked) however the model moves the words.</summary>
internal sealed record DocxField(IReadOnlyList<OpenXmlElement> Code, OpenXmlElement End)
{
    /// <summary>The field that begins at <paramref name="start"/> of <paramref name="siblings"/>, and where it ends; null
    /// when it begins no field with a result whose end is among the same siblings (it is then kept whole, run by run).</summary>
    public static (DocxField Field, int Separate, int End)? At(IReadOnlyList<OpenXmlElement> siblings, int start)
    {
        if (Character(siblings[start]) != FieldCharValues.Begin)
        {
            return null;
        }
        int depth = 0;
        int separate = -1;
        for (int i = start; i < siblings.Count; i++)
        {
            var character = Character(siblings[i]);
            if (character == FieldCharValues.Begin)
            {
                depth++;
            }
            else if (character == FieldCharValues.Separate && depth == 1)
            {
                separate = i;
            }
            else if (character == FieldCharValues.End && --depth == 0)
            {
                return separate < 0 ? null : (new DocxField([.. siblings.Skip(start).Take(separate - start + 1)], siblings[i]), separate, i);
            }
        }
        return null;
    }

    /// <summary>The field character a run holds (w:fldChar), if it holds one.</summary>
    private static FieldCharValues? Character(OpenXmlElement element) =>
        element is Run run && run.GetFirstChild<FieldChar>()?.FieldCharType is { } type ? type.Value : null;
}
