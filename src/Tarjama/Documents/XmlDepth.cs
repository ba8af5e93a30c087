using System.Xml;

namespace Tarjama.Documents;

/// <summary>Finds XML nested deeper than real documents are, reading it as a stream of nodes (no tree, no DTD), before
/// it is loaded into a tree: System.Xml.Linq takes time that grows with the square of the depth (50,000 nested elements,
/// 600 KB, took 4 s) and the Open XML SDK recurses into it until the stack overflows.</summary>
internal static class XmlDepth
{
    /// <summary>Deepest element nesting accepted, as for XML documents (<see cref="NestingLimit.HtmlDepth"/>).</summary>
    public const int Limit = NestingLimit.HtmlDepth;

    /// <summary>The line of the first element nested deeper than <see cref="Limit"/>, or null when there is none or the
    /// input is not well-formed before one (loading it then says why).</summary>
    public static int? FirstTooDeep(Stream input) => FirstTooDeep(XmlReader.Create(input, Settings));

    /// <inheritdoc cref="FirstTooDeep(Stream)"/>
    public static int? FirstTooDeep(TextReader input) => FirstTooDeep(XmlReader.Create(input, Settings));

    private static XmlReaderSettings Settings => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    private static int? FirstTooDeep(XmlReader reader)
    {
        using (reader)
        {
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth >= Limit)
                    {
                        return ((IXmlLineInfo)reader).LineNumber;
                    }
                }
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or NotSupportedException)
            {
            }
            return null;
        }
    }
}
