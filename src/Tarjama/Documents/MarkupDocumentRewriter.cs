using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Translates markup (HTML or XML) in its DOM: the inline content of each block element (text with its links,
/// bold, spans...) is a block whose markup travels as placeholders and is rebuilt from the same elements, each once and
/// in order. What counts as a block, what is left alone and how the DOM is written are the dialect's.</summary>
internal abstract partial class MarkupDocumentRewriter : IDocumentRewriter
{
    private readonly FrozenSet<string> _keptElements;
    private readonly List<IReadOnlyList<InlinePiece>> _blocks = [];
    private readonly List<object> _sites = [];
    private readonly List<IElement> _translatedElements = [];

    /// <param name="keptElements">More elements to leave alone, by name, beside those the dialect leaves alone.</param>
    protected MarkupDocumentRewriter(IDocument document, string sourceLanguage, string targetLanguage, IReadOnlyCollection<string>? keptElements)
    {
        (Document, SourceLanguage, TargetLanguage) = (document, sourceLanguage, targetLanguage);
        _keptElements = FrozenSet.ToFrozenSet(keptElements ?? [], StringComparer.OrdinalIgnoreCase);
    }

    protected IDocument Document { get; }

    protected string SourceLanguage { get; }

    protected string TargetLanguage { get; }

    /// <summary>The translated elements in document order, for the dialect to set their language.</summary>
    protected IReadOnlyList<IElement> TranslatedElements => _translatedElements;

    /// <summary>Reads the document's blocks from <paramref name="root"/>: the dialect calls it once, at the end of its constructor.</summary>
    protected void Read(IElement root)
    {
        Visit(root);
        Walk(root);
    }

    public IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks => _blocks;

    public string CodeText(InlinePiece piece) => (piece.Kind, piece.Origin) switch
    {
        (PieceKind.Open, IElement element) => $"<{QualifiedName(element)}>",
        (PieceKind.Close, IElement element) => $"</{QualifiedName(element)}>",
        (_, INode node) => Serialize(node),
        _ => piece.Text,
    };

    protected static string QualifiedName(IElement element) => element.Prefix is { } prefix ? $"{prefix}:{element.LocalName}" : element.LocalName;

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
        return Write();
    }

    /// <summary>The whole document, or the fragment it was read from, as markup.</summary>
    protected abstract string Write();

    /// <summary>One node as the dialect writes it.</summary>
    protected abstract string Serialize(INode node);

    /// <summary>Marks the translated elements (and the document) as being in the target language.</summary>
    protected abstract void SetLanguage();

    /// <summary>Whether the element starts a block of its own, judged by itself (its descendants are looked at too).</summary>
    protected abstract bool IsBlockElement(IElement element);

    /// <summary>Whether the dialect leaves the element and its content as they are.</summary>
    protected abstract bool IsUntouchedElement(IElement element);

    /// <summary>The attributes whose values are translated.</summary>
    protected abstract IReadOnlyList<string> TranslatedAttributes { get; }

    /// <summary>The text an untouched inline element stands for in the model's input (code reads as itself).</summary>
    protected abstract string AtomicText(IElement element);

    /// <summary>Translated text as the dialect can hold it.</summary>
    protected virtual string Fit(string text) => text;

    /// <summary>Whether the element is a line break inside a block.</summary>
    protected abstract bool IsBreak(IElement element);

    /// <summary>Whether the line breaks in <paramref name="text"/> are the document's own (kept as breaks, each ending
    /// a segment) rather than layout that reads as a space.</summary>
    protected virtual bool KeepsLineBreaks(IText text) => false;

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
            case IText text when KeepsLineBreaks(text):
                foreach (var (line, index) in LineBreak().Split(text.Data).Select((line, index) => (line, index)))
                {
                    pieces.Add(index % 2 == 0 ? new InlinePiece(PieceKind.Text, line) : new InlinePiece(PieceKind.Break, "", Document.CreateTextNode(line)));
                }
                break;
            case IText text:
                pieces.Add(new InlinePiece(PieceKind.Text, text.Data));
                break;
            case IElement lineBreak when IsBreak(lineBreak):
                pieces.Add(new InlinePiece(PieceKind.Break, "", lineBreak));
                break;
            case IElement element when IsUntouched(element):
                pieces.Add(new InlinePiece(PieceKind.Atomic, AtomicText(element), element));
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
        var fragment = Document.CreateDocumentFragment();
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
                open.Peek().AppendChild(Document.CreateTextNode(Fit(text)));
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

    private bool IsBlock(IElement element) => IsBlockElement(element)
        || (!IsUntouched(element) && element.Descendants<IElement>().Any(IsBlockElement));

    private bool IsUntouched(IElement element) => IsUntouchedElement(element) || _keptElements.Contains(element.LocalName);

    /// <summary>A line break, captured so that splitting at it keeps it (at odd indexes).</summary>
    [GeneratedRegex(@"(\r\n|\r|\n)")]
    private static partial Regex LineBreak();
}
