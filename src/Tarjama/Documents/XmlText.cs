using System.Text;
using System.Xml;

namespace Tarjama.Documents;

/// <summary>Text made fit for XML 1.0.</summary>
internal static class XmlText
{
    /// <summary>The text without the characters XML 1.0 cannot hold (most C0 controls, lone surrogates).</summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var kept = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
        }
        return kept.ToString();
    }
}
