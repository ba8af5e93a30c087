using System.Xml;
using System.Xml.Linq;

namespace Tarjama.Documents.Xliff;

/// <summary>An XLIFF 1.2 or 2.1 file that Tarjama wrote (and an editor may have changed): the original document inside
/// it, its languages and format, and each unit's target by unit id.</summary>
public sealed class XliffFile
{
    private XliffFile(XliffVersion version, string original, string originalName, DocumentFormat format, string sourceLanguage, string targetLanguage, Dictionary<string, XElement?> targets)
    {
        (Version, Original, OriginalName, Format, SourceLanguage, TargetLanguage, Targets) = (version, original, originalName, format, sourceLanguage, targetLanguage, targets);
    }

    private byte[]? _wordPackage;

    public XliffVersion Version { get; }

    /// <summary>The document the XLIFF was extracted from (a Word document's package in base64).</summary>
    public string Original { get; }

    public string OriginalName { get; }

    public DocumentFormat Format { get; }

    public string SourceLanguage { get; }

    public string TargetLanguage { get; }

    /// <summary>Each unit's target element (null when it has none), by unit id.</summary>
    internal IReadOnlyDictionary<string, XElement?> Targets { get; }

    /// <summary>The Word document inside (<see cref="Format"/> is <see cref="DocumentFormat.Docx"/>): its package's bytes,
    /// decoded once (a server sizes them before it merges).</summary>
    /// <exception cref="TarjamaException">The package is not base64.</exception>
    public byte[] WordPackage()
    {
        if (Format != DocumentFormat.Docx)
        {
            throw new InvalidOperationException($"the XLIFF holds a {Format} document, not a Word document");
        }
        try
        {
            return _wordPackage ??= Convert.FromBase64String(Original);
        }
        catch (FormatException)
        {
            throw new TarjamaException($"{OriginalName}: the Word document inside the XLIFF is not base64 (was its skeleton edited?)");
        }
    }

    /// <exception cref="TarjamaException">Not XML, not XLIFF 1.2 or 2.1, or without the original document Tarjama puts in it.</exception>
    public static XliffFile Read(Stream input, string name)
    {
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            input = copy;
        }
        long start = input.Position;
        if (XmlDepth.FirstTooDeep(input) is { } line)
        {
            throw new TarjamaException($"{name}: XML nested deeper than {XmlDepth.Limit} elements (line {line})");
        }
        input.Position = start;
        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            xml = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw NotWellFormedXml.From(name, e);
        }
        var root = xml.Root!;
        return root.Name == XliffNames.V21 + "xliff" ? V21(root, name)
            : root.Name == XliffNames.V12 + "xliff" ? V12(root, name)
            : throw new TarjamaException($"{name}: not an XLIFF 1.2 or 2.x file (root element {root.Name})");
    }

    private static XliffFile V21(XElement root, string name)
    {
        var ns = XliffNames.V21;
        var file = Single(root.Elements(ns + "file"), name, "<file>");
        var skeleton = file.Element(ns + "skeleton") ?? throw new TarjamaException($"{name}: no <skeleton> with the original document (was it written by tarjama translate --bilingual xliff?)");
        var targets = file.Descendants(ns + "unit").ToDictionary(Id(name), unit => unit.Descendants(ns + "target").FirstOrDefault());
        return new XliffFile(XliffVersion.V21, skeleton.Value, (string?)file.Attribute("original") ?? name, FormatOf((string?)file.Attribute(XliffNames.Tarjama + "format"), name),
            Required(root, "srcLang", name), Required(root, "trgLang", name), targets);
    }

    private static XliffFile V12(XElement root, string name)
    {
        var ns = XliffNames.V12;
        var file = Single(root.Elements(ns + "file"), name, "<file>");
        var skeleton = file.Element(ns + "header")?.Element(ns + "skl")?.Element(ns + "internal-file")
            ?? throw new TarjamaException($"{name}: no <skl><internal-file> with the original document (was it written by tarjama translate --bilingual xliff?)");
        var targets = file.Descendants(ns + "trans-unit").ToDictionary(Id(name), unit => unit.Element(ns + "target"));
        return new XliffFile(XliffVersion.V12, skeleton.Value, (string?)file.Attribute("original") ?? name, FormatOf((string?)file.Attribute("datatype"), name),
            Required(file, "source-language", name), Required(file, "target-language", name), targets);
    }

    private static Func<XElement, string> Id(string name) => unit =>
        (string?)unit.Attribute("id") ?? throw new TarjamaException($"{name}: a unit without an id (line {((IXmlLineInfo)unit).LineNumber})");

    private static XElement Single(IEnumerable<XElement> elements, string name, string what) => elements.ToList() switch
    {
        [var one] => one,
        [] => throw new TarjamaException($"{name}: no {what}"),
        _ => throw new TarjamaException($"{name}: more than one {what}; tarjama writes one per document"),
    };

    private static DocumentFormat FormatOf(string? value, string name) =>
        XliffNames.Format(value) ?? throw new TarjamaException($"{name}: unknown document format '{value}' (plaintext, x-markdown, html, xml or x-docx)");

    private static string Required(XElement element, string attribute, string name) =>
        (string?)element.Attribute(attribute) ?? throw new TarjamaException($"{name}: <{element.Name.LocalName}> has no {attribute}");
}
