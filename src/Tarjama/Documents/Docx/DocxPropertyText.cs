extern alias OpenXml;

using System.Text.RegularExpressions;
using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>Text Word keeps in an attribute or a document property, not in runs, that a reader still sees or hears: a
/// picture's or a shape's alternative text (descr and title, which screen readers read; VML's alt), a link's tooltip, the title,
/// subject, description and keywords of docProps/core.xml (File > Info, search tools), and a HYPERLINK field's tooltip
/// (w:instrText's or w:fldSimple's).
/// Each is a block of one text piece; <see cref="Write"/> puts its translation back. Empty or whitespace values are not
/// read.</summary>
internal sealed partial record DocxPropertyText(string Text, Action<string> Write)
{
    /// <summary>The attributes of a drawing's properties (wp:docPr, and pic:cNvPr, wps:cNvPr... in it) that hold its
    /// alternative text.</summary>
    private static readonly string[] AlternativeTextAttributes = ["descr", "title"];

    private const string VmlNamespace = "urn:schemas-microsoft-com:vml";

    /// <summary>The property texts of <paramref name="roots"/> in document order, then the document's properties. Text box
    /// copies are not read (they get their original's translation); Word writes a picture's description on both wp:docPr
    /// and pic:cNvPr, so within a drawing one text in one attribute is one block, written to every place it was.</summary>
    public static IEnumerable<DocxPropertyText> Read(IEnumerable<OpenXmlElement> roots, WordprocessingDocument word)
    {
        foreach (var root in roots)
        {
            var places = root.Descendants().SelectMany(Places).Where(place => !DocxTextBoxCopies.IsInCopy(place.Element));
            foreach (var same in places.GroupBy(place => (Drawing: place.Element.Ancestors<Drawing>().FirstOrDefault() ?? place.Element, place.Attribute.LocalName, place.Attribute.Value)))
            {
                var attributes = same.ToList();
                yield return new DocxPropertyText(same.Key.Value!, text => attributes.ForEach(place =>
                    place.Element.SetAttribute(new OpenXmlAttribute(place.Attribute.Prefix, place.Attribute.LocalName, place.Attribute.NamespaceUri, text))));
            }
        }
        var core = word.PackageProperties;
        if (Readable(core.Title))
        {
            yield return new DocxPropertyText(core.Title!, text => core.Title = text);
        }
        if (Readable(core.Subject))
        {
            yield return new DocxPropertyText(core.Subject!, text => core.Subject = text);
        }
        if (Readable(core.Description))
        {
            yield return new DocxPropertyText(core.Description!, text => core.Description = text);
        }
        if (Readable(core.Keywords))
        {
            yield return new DocxPropertyText(core.Keywords!, text => core.Keywords = text);
        }
        // Last, so that the blocks read before field tooltips were have the ids they had (an XLIFF made then still merges).
        foreach (var codes in roots.SelectMany(Instructions).Where(codes => !DocxTextBoxCopies.IsInCopy(codes[0])))
        {
            string[] pieces = [.. codes.Select(code => code.Text)];
            if (Tooltip(string.Concat(pieces)) is var (tooltip, start, end))
            {
                yield return new DocxPropertyText(tooltip, text => Replace(codes, pieces, start, end, Escaped(text)));
            }
        }
        // A simple field (w:fldSimple) holds its instruction in an attribute; after the others, for the same reason.
        foreach (var field in roots.SelectMany(root => root.Descendants<SimpleField>()).Where(field => !DocxTextBoxCopies.IsInCopy(field)))
        {
            string instruction = field.Instruction?.Value ?? "";
            if (Tooltip(instruction) is var (tooltip, start, end))
            {
                yield return new DocxPropertyText(tooltip, text => field.Instruction = instruction[..start] + Escaped(text) + instruction[end..]);
            }
        }
    }

    /// <summary>A HYPERLINK instruction's readable tooltip and where its quoted text lies; null when it has none.</summary>
    private static (string Tooltip, int Start, int End)? Tooltip(string instruction) =>
        HyperlinkTooltip().Match(instruction) is { Success: true } match && Unescaped(match.Groups[1].Value) is var tooltip && Readable(tooltip)
            ? (tooltip, match.Groups[1].Index, match.Groups[1].Index + match.Groups[1].Length)
            : null;

    /// <summary>Each field's instruction: its w:instrText pieces from its begin to its separate (or end) mark, in the
    /// order the fields' instructions end; Word cuts one instruction into several where its runs differ (an edit, a
    /// change of formatting). A nested field's pieces are its own, not its parent's.</summary>
    private static IEnumerable<List<FieldCode>> Instructions(OpenXmlElement root)
    {
        // Fields open at this point, innermost last; null once the field's instruction has ended.
        var open = new Stack<List<FieldCode>?>();
        foreach (var element in root.Descendants())
        {
            if (element is FieldCode code)
            {
                if (open.TryPeek(out var codes) && codes is not null)
                {
                    codes.Add(code);
                }
                else
                {
                    yield return [code];
                }
            }
            else if (element is FieldChar { FieldCharType.Value: var type })
            {
                if (type == FieldCharValues.Begin)
                {
                    open.Push([]);
                    continue;
                }
                if (open.TryPop(out var ended) && ended is { Count: > 0 })
                {
                    yield return ended;
                }
                if (type == FieldCharValues.Separate)
                {
                    open.Push(null);
                }
            }
        }
    }

    /// <summary>Puts <paramref name="replacement"/> in place of characters <paramref name="start"/> to
    /// <paramref name="end"/> of the instruction read as <paramref name="pieces"/>: into the piece where they start,
    /// the pieces they cover giving up their part, so every piece keeps its run.</summary>
    private static void Replace(List<FieldCode> codes, string[] pieces, int start, int end, string replacement)
    {
        for (int i = 0, from = 0; i < pieces.Length; from += pieces[i].Length, i++)
        {
            int to = from + pieces[i].Length;
            if (to > start && from < end)
            {
                codes[i].Text = (start > from ? pieces[i][..(start - from)] : "") + (start >= from ? replacement : "") + (end < to ? pieces[i][(end - from)..] : "");
            }
        }
    }

    /// <summary>A HYPERLINK field's \o switch, the text Word shows over the link, quoted, a backslash escaping a quote or
    /// a backslash in it.</summary>
    [GeneratedRegex(@"^\s*HYPERLINK\b.*?\\o\s+""((?:[^""\\]|\\.)*)""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HyperlinkTooltip();

    [GeneratedRegex(@"\\(.)", RegexOptions.Singleline)]
    private static partial Regex EscapedCharacter();

    private static string Unescaped(string quoted) => EscapedCharacter().Replace(quoted, "$1");

    private static string Escaped(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary>An element's translated attributes with text: a link's tooltip, a drawing's or VML shape's alternative text.</summary>
    private static IEnumerable<(OpenXmlElement Element, OpenXmlAttribute Attribute)> Places(OpenXmlElement element)
    {
        IEnumerable<(string Name, string NamespaceUri)> names = element switch
        {
            Hyperlink => [("tooltip", element.NamespaceUri)],
            _ when element.LocalName is "docPr" or "cNvPr" => AlternativeTextAttributes.Select(name => (name, "")),
            _ when element.NamespaceUri == VmlNamespace => [("alt", "")], // a picture or shape as Word 2003 wrote it
            _ => [],
        };
        return element.GetAttributes().Where(attribute => names.Contains((attribute.LocalName, attribute.NamespaceUri)) && Readable(attribute.Value))
            .Select(attribute => (element, attribute));
    }

    private static bool Readable(string? text) => !string.IsNullOrWhiteSpace(text);
}
