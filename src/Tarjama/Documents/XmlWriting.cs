using AngleSharp.Dom;
using AngleSharp.Xml;

namespace Tarjama.Documents;

/// <summary>AngleSharp's XML writing, with "]]&gt;" in text escaped as XML requires (AngleSharp escapes only &amp; and
/// &lt;, so a translation holding "]]&gt;" would make the output unreadable).</summary>
internal sealed class XmlWriting : XmlMarkupFormatter
{
    public static readonly XmlWriting Escaping = new();

    public override string Text(ICharacterData text)
    {
        string written = base.Text(text);
        return text.NodeType == NodeType.Text ? written.Replace("]]>", "]]&gt;", StringComparison.Ordinal) : written;
    }
}
