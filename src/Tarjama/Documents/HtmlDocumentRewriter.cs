using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Translates HTML in its DOM: the inline content of each block element (text with its links, bold, spans...)
/// is a block whose markup travels as placeholders and is rebuilt from the same elements, each once and in order;
/// alt, title, placeholder and aria-label are translated; code, scripts, styles and translate="no" are left alone.</summary>
/// <remarks>Parsed as a browser parses, so unbalanced markup is repaired the usual way. A full document (one with a
/// doctype, html, head or body tag) is written whole, with lang and dir for the target language on html; anything else
/// is a fragment and is written as one.</remarks>
internal sealed partial class HtmlDocumentRewriter : IDocumentRewriter
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

    private static readonly string[] TranslatedAttributes = ["alt", "title", "placeholder", "aria-label"];

    private readonly IDocument _document;
    private readonly bool _isFullDocument;
    private readonly string _sourceLanguage;
    private readonly string _targetLanguage;
    private readonly FrozenSet<string> _keptElements;
    private readonly List<IReadOnlyList<InlinePiece>> _blocks = [];
    private readonly List<object> _sites = [];
    private readonly List<IElement> _translatedElements = [];

    /// <param name="keptElements">More elements to leave alone, by name, beside code, scripts and the rest.</param>
    public HtmlDocumentRewriter(string source, string sourceLanguage, string targetLanguage, IReadOnlyCollection<string>? keptElements = null)
    {
        (_sourceLanguage, _targetLanguage) = (sourceLanguage, targetLanguage);
        _keptElements = FrozenSet.ToFrozenSet(keptElements ?? [], StringComparer.OrdinalIgnoreCase);
        NestingLimit.CheckHtml(source);
        var parser = new HtmlParser();
        _isFullDocument = FullDocument().IsMatch(source);
        _document = parser.ParseDocument(_isFullDocument ? source : "");
        if (!_isFullDocument)
        {
            _document.Body!.InnerHtml = source;
        }
        var root = _isFullDocument ? _document.DocumentElement : _document.Body!;
        Visit(root);
        Walk(root);
    }

    public IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks => _blocks;

    public string CodeText(InlinePiece piece) => (piece.Kind, piece.Origin) switch
    {
        (PieceKind.Open, IElement element) => $"<{element.LocalName}>",
        (PieceKind.Close, IElement element) => $"</{element.LocalName}>",
        (_, IElement element) => element.OuterHtml,
        (_, INode node) => node.ToHtml(),
        _ => piece.Text,
    };

    public string Render(IReadOnlyList<SegmentedBlock> translated)
    {
        for (int i = 0; i < _sites.Count; i++)
        {
            if (_sites[i] is InlineRun run)
            {
                Rebuild(run, translated[i]);
            }
            else if (_sites[i] is TranslatedAttribute attribute)
            {
                attribute.Element.SetAttribute(attribute.Name, BlockText.Render(translated[i]));
            }
        }
        SetLanguage();
        return _isFullDocument ? _document.ToHtml() : _document.Body!.InnerHtml;
    }

    /// <summary>Child nodes of a block element up to the next block element: text with its inline markup.</summary>
    private sealed record InlineRun(INode Container, INode[] Nodes);

    private sealed record TranslatedAttribute(IElement Element, string Name);

    private void Walk(IElement container)
    {
        var run = new List<INode>();
        foreach (var child in container.ChildNodes.ToArray())
        {
            if (child is IElement element && IsBlock(element))
            {
                AddRun(container, run);
                Visit(element);
                if (!IsUntouched(element))
                {
                    Walk(element);
                }
            }
            else
            {
                run.Add(child);
            }
        }
        AddRun(container, run);
    }

    private void AddRun(INode container, List<INode> run)
    {
        var pieces = new List<InlinePiece>();
        foreach (var node in run)
        {
            AddPieces(node, pieces);
        }
        if (pieces.Any(piece => piece.Kind == PieceKind.Text && !string.IsNullOrWhiteSpace(piece.Text)))
        {
            _blocks.Add(pieces);
            _sites.Add(new InlineRun(container, [.. run]));
        }
        run.Clear();
    }

    private void AddPieces(INode node, List<InlinePiece> pieces)
    {
        switch (node)
        {
            case IText text:
                pieces.Add(new InlinePiece(PieceKind.Text, text.Data));
                break;
            case IElement { LocalName: "br" } lineBreak:
                pieces.Add(new InlinePiece(PieceKind.Break, "", lineBreak));
                break;
            case IElement element when IsUntouched(element):
                pieces.Add(new InlinePiece(PieceKind.Atomic, CodeElements.Contains(element.LocalName) ? element.TextContent : "", element));
                break;
            case IElement element:
                Visit(element);
                if (!element.HasChildNodes)
                {
                    pieces.Add(new InlinePiece(PieceKind.Atomic, "", element));
                    break;
                }
                pieces.Add(new InlinePiece(PieceKind.Open, "", element));
                foreach (var child in element.ChildNodes.ToArray())
                {
                    AddPieces(child, pieces);
                }
                pieces.Add(new InlinePiece(PieceKind.Close, "", element));
                break;
            default:
                pieces.Add(new InlinePiece(PieceKind.Atomic, "", node)); // comments
                break;
        }
    }

    /// <summary>Takes note of an element whose content is translated: its translatable attributes become blocks.</summary>
    private void Visit(IElement element)
    {
        if (IsUntouched(element))
        {
            return;
        }
        _translatedElements.Add(element);
        foreach (var name in TranslatedAttributes)
        {
            if (element.GetAttribute(name) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                _blocks.Add([new InlinePiece(PieceKind.Text, value)]);
                _sites.Add(new TranslatedAttribute(element, name));
            }
        }
    }

    /// <summary>Puts the run's translation in place of its nodes; elements are the same objects, emptied and refilled.</summary>
    private void Rebuild(InlineRun run, SegmentedBlock block)
    {
        if (block.Spans.All(span => span.Result?.Parts is null))
        {
            return;
        }
        var after = run.Nodes[^1].NextSibling;
        foreach (var node in run.Nodes)
        {
            run.Container.RemoveChild(node);
        }
        foreach (var piece in block.Pieces.Where(piece => piece.Kind == PieceKind.Open))
        {
            var element = (IElement)piece.Origin!;
            while (element.FirstChild is { } child)
            {
                element.RemoveChild(child);
            }
        }
        var fragment = _document.CreateDocumentFragment();
        var open = new Stack<INode>([fragment]);
        foreach (var span in block.Spans)
        {
            if (span.Result?.Parts is { } parts)
            {
                foreach (var part in parts)
                {
                    Emit(open, part.Kind == OutputKind.Piece ? block.Pieces[part.Piece] : null, part.Text);
                }
            }
            else
            {
                foreach (var part in span.Parts)
                {
                    var piece = block.Pieces[part.Piece];
                    Emit(open, piece.Kind == PieceKind.Text ? null : piece, BlockText.Original(block.Pieces, part));
                }
            }
        }
        run.Container.InsertBefore(fragment, after);
    }

    private void Emit(Stack<INode> open, InlinePiece? piece, string text)
    {
        switch (piece?.Kind)
        {
            case null when text.Length > 0:
                open.Peek().AppendChild(_document.CreateTextNode(text));
                break;
            case null:
                break;
            case PieceKind.Open:
                open.Push(open.Peek().AppendChild((INode)piece.Origin!));
                break;
            case PieceKind.Close:
                open.Pop();
                break;
            default:
                open.Peek().AppendChild((INode)piece.Origin!);
                break;
        }
    }

    private void SetLanguage()
    {
        if (_isFullDocument)
        {
            _document.DocumentElement.SetAttribute("lang", _targetLanguage);
            _document.DocumentElement.SetAttribute("dir", LanguageCodes.Direction(_targetLanguage));
        }
        foreach (var element in _translatedElements)
        {
            if (element.GetAttribute("lang") is { } lang && LanguageCodes.Same(lang, _sourceLanguage))
            {
                element.SetAttribute("lang", _targetLanguage);
            }
            if (element.GetAttribute("dir") is { } dir && dir.Equals(LanguageCodes.Direction(_sourceLanguage), StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute("dir", LanguageCodes.Direction(_targetLanguage));
            }
        }
    }

    private bool IsBlock(IElement element) => BlockElements.Contains(element.LocalName)
        || (!IsUntouched(element) && element.Descendants<IElement>().Any(descendant => BlockElements.Contains(descendant.LocalName)));

    private bool IsUntouched(IElement element) => UntouchedElements.Contains(element.LocalName) || _keptElements.Contains(element.LocalName)
        || string.Equals(element.GetAttribute("translate"), "no", StringComparison.OrdinalIgnoreCase)
        || element.ClassList.Contains("notranslate");

    [GeneratedRegex(@"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype|html|head)\b|<body\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FullDocument();
}
