using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp;
using AngleSharp.Xml;
using AngleSharp.Xml.Parser;

namespace Tarjama.Documents;

/// <summary>XML: element names are the document's own, so blocks come from <see cref="XmlStructure"/>; no attribute is
/// translated; elements marked translate="no" (plain or ITS) are left alone; xml:lang follows the translation.</summary>
/// <remarks>Parsed strictly: input that is not well-formed is refused with where it breaks, never repaired, and a DTD
/// with declarations of its own is refused (its entities could expand without bound). A document with an XML
/// declaration or a doctype is written whole; anything else is a fragment (text with tags, several roots) and is
/// written as one.</remarks>
internal sealed partial class XmlDocumentRewriter : MarkupDocumentRewriter
{
    private const string FragmentRoot = "tarjama-fragment";

    /// <summary>Most attributes on one element: AngleSharp.Xml checks each new attribute against all before it, so an
    /// element with 200,000 of them (2 MB) took 90 s to parse; real vocabularies stay far below this.</summary>
    public const int MaxAttributes = 256;

    /// <summary>AngleSharp.Xml's code for an element past <see cref="XmlParserOptions.MaximumDepth"/> (its enum is internal).</summary>
    private const int MaximumDepthExceeded = 0x314;

    private readonly XmlStructure _structure;
    private readonly FrozenSet<string> _splitting;
    private readonly FrozenSet<string> _nonSplitting;
    private readonly XmlScope? _scope;
    private readonly HashSet<IElement> _chosen = [];
    private readonly HashSet<IElement> _open = [];
    private readonly bool _whole;
    private readonly string? _declaration;
    private readonly string _end;

    /// <param name="scope">Limits the translation to some elements of a whole document (never a fragment); null to
    /// translate the whole document.</param>
    public XmlDocumentRewriter(string source, string sourceLanguage, string targetLanguage, XmlStructure structure, IReadOnlyCollection<string>? keptElements = null,
        XmlScope? scope = null)
        : base(Parse(source, scope is not null || WholeDocument().IsMatch(source)), sourceLanguage, targetLanguage, keptElements)
    {
        if (scope is not null)
        {
            _scope = scope;
            _chosen = [.. scope.Choose(Document, sourceLanguage, targetLanguage)];
            _open = [.. _chosen.SelectMany(element => element.GetAncestors().OfType<IElement>().Concat(element.Descendants<IElement>()).Prepend(element))];
        }
        _structure = structure;
        _splitting = FrozenSet.ToFrozenSet(structure.SplittingElements, StringComparer.Ordinal);
        _nonSplitting = FrozenSet.ToFrozenSet(structure.NonSplittingElements, StringComparer.Ordinal);
        _whole = scope is not null || WholeDocument().IsMatch(source);
        _declaration = Declaration().Match(source) is { Success: true } declaration ? declaration.Value : null;
        _end = source[source.TrimEnd().Length..];
        Read(Document.DocumentElement);
    }

    protected override IReadOnlyList<string> TranslatedAttributes => [];

    /// <exception cref="TarjamaException">The input is not well-formed XML, nests too deep or declares a DTD of its own.</exception>
    /// <param name="whole">A whole document; else a fragment, parsed inside a root of ours.</param>
    private static IDocument Parse(string source, bool whole)
    {
        if (InternalSubset().IsMatch(source))
        {
            throw new TarjamaException($"XML with DTD declarations of its own (<!DOCTYPE … [ … ]>) is not accepted: its entities could expand without bound");
        }
        CheckAttributeCounts(source);
        string prefix = whole ? "" : $"<{FragmentRoot}>";
        var parser = new XmlParser(new XmlParserOptions { MaximumDepth = NestingLimit.HtmlDepth + 1 });
        try
        {
            return parser.ParseDocument(whole ? source : $"{prefix}{source}</{FragmentRoot}>");
        }
        catch (XmlParseException error)
        {
            var at = error.Position;
            int column = at.Line == 1 ? at.Column - prefix.Length : at.Column;
            throw new TarjamaException(error.Code == MaximumDepthExceeded
                ? $"XML nested deeper than {NestingLimit.HtmlDepth} elements (line {at.Line}, column {Math.Max(1, column)})"
                : NotWellFormedXml.Message(null, at.Line, column));
        }
    }

    /// <summary>Refuses a start tag with more than <see cref="MaxAttributes"/> attributes (each '=' outside quoted
    /// values counts one), in one pass: every tag is scanned once, to its end.</summary>
    private static void CheckAttributeCounts(string source)
    {
        for (int i = source.IndexOf('<'); i >= 0 && i < source.Length; i = source.IndexOf('<', i))
        {
            int start = i++;
            if (i >= source.Length || !(char.IsLetter(source[i]) || source[i] is '_' or ':'))
            {
                continue;
            }
            int attributes = 0;
            char quote = '\0';
            for (; i < source.Length && (quote != '\0' || source[i] != '>'); i++)
            {
                char c = source[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '=' && ++attributes > MaxAttributes)
                {
                    throw new TarjamaException($"an element with more than {MaxAttributes} attributes (line {source.AsSpan(0, start).Count('\n') + 1}); no XML vocabulary needs that many");
                }
            }
        }
    }

    // The parser keeps neither the XML declaration nor the line end after the root, so both are written back as they were.
    protected override string Write() => _whole
        ? _declaration + Document.ToHtml(XmlWriting.Escaping) + _end
        : string.Concat(Document.DocumentElement.ChildNodes.Select(Serialize));

    protected override string Serialize(INode node) => node.ToHtml(XmlWriting.Escaping);

    protected override void SetLanguage()
    {
        foreach (var element in TranslatedElements)
        {
            if (element.GetAttribute(NamespaceNames.XmlUri, "lang") is { } lang && Text.LanguageCodes.Same(lang, SourceLanguage))
            {
                element.SetAttribute(NamespaceNames.XmlUri, "xml:lang", TargetLanguage);
            }
        }
        _scope?.Finish(Document, TargetLanguage);
    }

    protected override bool IsBlockElement(IElement element)
    {
        if (_scope is not null)
        {
            return _chosen.Contains(element);
        }
        string name = QualifiedName(element);
        if (_splitting.Contains(name) || _nonSplitting.Contains(name))
        {
            return _splitting.Contains(name);
        }
        // Outline: an element with text beside it is part of that text; one among elements only is a unit of its own.
        return _structure.OutlineDetection && element.ParentElement is { } parent
            && !parent.ChildNodes.OfType<IText>().Any(text => !string.IsNullOrWhiteSpace(text.Data));
    }

    protected override bool IsUntouchedElement(IElement element) => (_scope is not null && (!_open.Contains(element) || _scope.IsCode(element)))
        || element.Attributes.Any(attribute => attribute.LocalName == "translate" && attribute.Value == "no");

    protected override string AtomicText(IElement element) => "";

    // A model (or an editor) can put out characters XML 1.0 cannot hold; written, they would make the output unreadable.
    protected override string Fit(string text) => XmlText.Clean(text);

    protected override bool IsBreak(IElement element) => false;

    /// <summary>Text under xml:space="preserve" (the nearest xml:space says) keeps its line breaks.</summary>
    protected override bool KeepsLineBreaks(IText text) => text.GetAncestors().OfType<IElement>()
        .Select(element => element.GetAttribute(NamespaceNames.XmlUri, "space")).FirstOrDefault(space => space is not null) == "preserve";

    /// <summary>A doctype with an internal subset; its system and public ids are quoted literals that may hold '>' or '['.
    /// Without backtracking, so text with many unclosed doctypes is still scanned in linear time.</summary>
    [GeneratedRegex(@"<!DOCTYPE(?:[^>\[""']|""[^""]*""|'[^']*')*\[", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex InternalSubset();

    [GeneratedRegex(@"^\uFEFF?\s*<(?:\?xml\b|!DOCTYPE\b)")]
    private static partial Regex WholeDocument();

    [GeneratedRegex(@"^\uFEFF?\s*<\?xml\b[^>]*\?>\s*")]
    private static partial Regex Declaration();
}
