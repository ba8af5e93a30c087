using System.Xml.Linq;

namespace Tarjama.Documents.Xliff;

/// <summary>A segment's text and inline codes as XLIFF content, and back: markup that opens and closes inside the
/// segment as &lt;pc&gt; (2.1) or &lt;g&gt; (1.2); markup that is opened or closed elsewhere as &lt;sc/&gt;/&lt;ec/&gt; or
/// &lt;bx/&gt;/&lt;ex/&gt;; anything whole as &lt;ph/&gt; or &lt;x/&gt;. Ids are the code ids.</summary>
internal static class XliffInline
{
    public static List<object> Write(IReadOnlyList<SegmentPart> parts, ExtractedSegment segment, XliffVersion version)
    {
        var ns = version == XliffVersion.V21 ? XliffNames.V21 : XliffNames.V12;
        var pairs = XliffNames.Pairs(segment.Codes);
        var nested = Nested(parts, pairs);
        var root = new XElement("root");
        var open = new Stack<XElement>([root]);
        foreach (var part in parts)
        {
            if (part.Text is { } text)
            {
                open.Peek().Add(new XText(XmlText.Clean(text)));
                continue;
            }
            var code = segment.Codes[part.Code - 1];
            if (nested.Contains(code.Id) && code.Kind == InlineCodeKind.Open)
            {
                var element = version == XliffVersion.V21
                    ? new XElement(ns + "pc", new XAttribute("id", code.Id), Display("dispStart", code), Display("dispEnd", segment.Codes[pairs[code.Id] - 1]))
                    : new XElement(ns + "g", new XAttribute("id", code.Id));
                open.Peek().Add(element);
                open.Push(element);
            }
            else if (nested.Contains(code.Id))
            {
                open.Pop();
            }
            else
            {
                open.Peek().Add(Single(code, ns, version));
            }
        }
        return [.. root.Nodes()];
    }

    /// <summary>The codes of an XLIFF source or target, in order: a paired element's end is the close code its start pairs with.</summary>
    public static List<SegmentPart> Read(XElement content, IReadOnlyDictionary<int, int> pairs)
    {
        var parts = new List<SegmentPart>();
        foreach (var node in content.Nodes())
        {
            switch (node)
            {
                case XText text:
                    parts.Add(SegmentPart.OfText(text.Value));
                    break;
                case XElement { Name.LocalName: "pc" or "g" } element:
                    int id = Id(element, "id");
                    parts.Add(SegmentPart.OfCode(id));
                    parts.AddRange(Read(element, pairs));
                    parts.Add(SegmentPart.OfCode(pairs.TryGetValue(id, out int close) ? close : -1));
                    break;
                case XElement { Name.LocalName: "ec" } end when end.Attribute("startRef") is not null:
                    parts.Add(SegmentPart.OfCode(pairs.TryGetValue(Id(end, "startRef"), out int closing) ? closing : -1));
                    break;
                case XElement { Name.LocalName: "ph" or "x" or "sc" or "ec" or "bx" or "ex" } element:
                    parts.Add(SegmentPart.OfCode(Id(element, "id")));
                    break;
                case XElement element:
                    parts.AddRange(Read(element, pairs)); // markers (mrk, sm/em) wrap text, they are not codes
                    break;
            }
        }
        return parts;
    }

    private static int Id(XElement element, string attribute) => int.TryParse(element.Attribute(attribute)?.Value, out int id) && id > 0 ? id : -1;

    /// <summary>The codes that open and close inside <paramref name="parts"/>, properly nested.</summary>
    private static HashSet<int> Nested(IReadOnlyList<SegmentPart> parts, Dictionary<int, int> pairs)
    {
        var nested = new HashSet<int>();
        var open = new Stack<int>();
        foreach (int id in parts.Where(part => part.Text is null).Select(part => part.Code))
        {
            if (pairs.ContainsKey(id))
            {
                open.Push(id);
            }
            else if (open.TryPeek(out int start) && pairs[start] == id)
            {
                open.Pop();
                nested.Add(start);
                nested.Add(id);
            }
        }
        return nested;
    }

    private static XElement Single(InlineCode code, XNamespace ns, XliffVersion version)
    {
        var (name, isolated) = (version, code.Kind) switch
        {
            (XliffVersion.V21, InlineCodeKind.Open) => ("sc", true),
            (XliffVersion.V21, InlineCodeKind.Close) => ("ec", true),
            (XliffVersion.V21, _) => ("ph", false),
            (_, InlineCodeKind.Open) => ("bx", false),
            (_, InlineCodeKind.Close) => ("ex", false),
            _ => ("x", false),
        };
        return new XElement(ns + name, new XAttribute("id", code.Id), isolated ? new XAttribute("isolated", "yes") : null,
            version == XliffVersion.V21 ? Display("disp", code) : new XAttribute("equiv-text", XmlText.Clean(code.Text)));
    }

    private static XAttribute? Display(string name, InlineCode code) => code.Text.Length > 0 ? new XAttribute(name, XmlText.Clean(code.Text)) : null;
}
