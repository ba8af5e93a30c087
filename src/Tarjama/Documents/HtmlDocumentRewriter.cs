using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>HTML: block elements by name; alt, title, placeholder and aria-label are translated; code, scripts, styles
/// and translate="no" are left alone.</summary>
/// <remarks>Parsed as a browser parses, so unbalanced markup is repaired the usual way. A full document (one with a
/// doctype, html, head or body tag) is written whole, with lang and dir for the target language on html; anything else
/// is a fragment and is written as one.</remarks>
internal sealed partial class HtmlDocumentRewriter : MarkupDocumentRewriter
{
    private static readonly FrozenSet<string> BlockElements = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "noframes", "ol", "optgroup",
        "option", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ]);

    private static readonly FrozenSet<string> UntouchedElements = FrozenSet.ToFrozenSet(
    [
        "audio", "canvas", "code", "embed", "iframe", "kbd", "math", "noscript", "object", "pre", "samp", "script", "select",
        "style", "svg", "template", "textarea", "var", "video",
    ]);

    private static readonly FrozenSet<string> CodeElements = FrozenSet.ToFrozenSet(["code", "kbd", "samp", "var"]);

    private readonly bool _isFullDocument;

    /// <param name="keptElements">More elements to leave alone, by name, beside code, scripts and the rest.</param>
    public HtmlDocumentRewriter(string source, string sourceLanguage, string targetLanguage, IReadOnlyCollection<string>? keptElements = null)
        : base(Parse(source), sourceLanguage, targetLanguage, keptElements)
    {
        _isFullDocument = FullDocument().IsMatch(source);
        if (!_isFullDocument)
        {
            Document.Body!.InnerHtml = source;
        }
        Read(_isFullDocument ? Document.DocumentElement : Document.Body!);
    }

    protected override IReadOnlyList<string> TranslatedAttributes { get; } = ["alt", "title", "placeholder", "aria-label"];

    /// <summary>A full document parsed whole; for a fragment, an empty document whose body it is put in.</summary>
    private static IDocument Parse(string source)
    {
        NestingLimit.CheckHtml(source);
        return new HtmlParser().ParseDocument(FullDocument().IsMatch(source) ? source : "");
    }

    protected override string Write()
    {
        DeclareUtf8();
        return _isFullDocument ? Document.ToHtml() : Document.Body!.InnerHtml;
    }

    /// <summary>The translation is written as UTF-8 whatever the source was in (<see cref="HtmlEncoding"/>), so a meta
    /// element that names an encoding names UTF-8: a browser would otherwise decode it by the old one.</summary>
    private void DeclareUtf8()
    {
        foreach (var meta in Document.QuerySelectorAll("meta"))
        {
            if (meta.HasAttribute("charset"))
            {
                meta.SetAttribute("charset", "utf-8");
            }
            if (meta.GetAttribute("content") is { } content && ContentCharset().IsMatch(content)
                && string.Equals(meta.GetAttribute("http-equiv"), "content-type", StringComparison.OrdinalIgnoreCase))
            {
                meta.SetAttribute("content", ContentCharset().Replace(content, "${name}utf-8", 1));
            }
        }
    }

    protected override string Serialize(INode node) => node is IElement element ? element.OuterHtml : node.ToHtml();

    protected override void SetLanguage()
    {
        if (_isFullDocument)
        {
            Document.DocumentElement.SetAttribute("lang", TargetLanguage);
            Document.DocumentElement.SetAttribute("dir", LanguageCodes.Direction(TargetLanguage));
        }
        foreach (var element in TranslatedElements)
        {
            if (element.GetAttribute("lang") is { } lang && LanguageCodes.Same(lang, SourceLanguage))
            {
                element.SetAttribute("lang", TargetLanguage);
            }
            if (element.GetAttribute("dir") is { } dir && dir.Equals(LanguageCodes.Direction(SourceLanguage), StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute("dir", LanguageCodes.Direction(TargetLanguage));
            }
        }
    }

    protected override bool IsBlockElement(IElement element) => BlockElements.Contains(element.LocalName);

    protected override bool IsUntouchedElement(IElement element) => UntouchedElements.Contains(element.LocalName)
        || string.Equals(element.GetAttribute("translate"), "no", StringComparison.OrdinalIgnoreCase)
        || element.ClassList.Contains("notranslate");

    protected override string AtomicText(IElement element) => CodeElements.Contains(element.LocalName) ? element.TextContent : "";

    protected override bool IsBreak(IElement element) => element.LocalName == "br";

    [GeneratedRegex(@"(?<name>charset\s*=\s*)[""']?[^\s;""']*[""']?", RegexOptions.IgnoreCase)]
    private static partial Regex ContentCharset();

    [GeneratedRegex(@"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype|html|head)\b|<body\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FullDocument();
}
