using Markdig.Syntax.Inlines;

namespace Tarjama.Documents;

/// <summary>A Markdown block's inlines as pieces: literals are text; emphasis and links are markup around their text,
/// kept as their exact source (delimiters, "](url "title")"); code, autolinks, entities, raw HTML and links whose
/// text is their reference label are kept whole.</summary>
internal static class MarkdownPieces
{
    public static List<InlinePiece> Of(ContainerInline inline, string source)
    {
        var pieces = new List<InlinePiece>();
        AddChildren(inline, source, pieces);
        return pieces;
    }

    private static void AddChildren(ContainerInline container, string source, List<InlinePiece> pieces)
    {
        foreach (var child in container)
        {
            Add(child, source, pieces);
        }
    }

    private static void Add(Inline inline, string source, List<InlinePiece> pieces)
    {
        var whole = new MarkdownSpan(inline.Span.Start, inline.Span.End + 1);
        switch (inline)
        {
            case LiteralInline literal when literal.Content.Length > 0:
                var text = literal.Content.ToString();
                pieces.Add(new InlinePiece(PieceKind.Text, text, MarkdownSpan.ForText(source, whole.Start, whole.End, text)));
                break;
            case LiteralInline:
                break;
            case LineBreakInline { IsHard: true }:
                pieces.Add(new InlinePiece(PieceKind.Break, "", whole));
                break;
            case LineBreakInline:
                pieces.Add(new InlinePiece(PieceKind.Text, " ", whole with { CharStarts = [whole.Start], CharEnds = [whole.End] }));
                break;
            case EmphasisInline emphasis:
                pieces.Add(new InlinePiece(PieceKind.Open, "", new MarkdownSpan(whole.Start, whole.Start + emphasis.DelimiterCount)));
                AddChildren(emphasis, source, pieces);
                pieces.Add(new InlinePiece(PieceKind.Close, "", new MarkdownSpan(whole.End - emphasis.DelimiterCount, whole.End)));
                break;
            case LinkInline { LastChild: { } last } link when source[(last.Span.End + 1)..whole.End] is not ("]" or "][]"):
                pieces.Add(new InlinePiece(PieceKind.Open, "", new MarkdownSpan(whole.Start, whole.Start + (link.IsImage ? 2 : 1))));
                AddChildren(link, source, pieces);
                pieces.Add(new InlinePiece(PieceKind.Close, "", new MarkdownSpan(last.Span.End + 1, whole.End)));
                break;
            case HtmlInline:
                pieces.Add(new InlinePiece(PieceKind.Atomic, "", whole));
                break;
            default:
                pieces.Add(new InlinePiece(PieceKind.Atomic, whole.Of(source), whole)); // code, autolink, entity, reference-label link
                break;
        }
    }
}
