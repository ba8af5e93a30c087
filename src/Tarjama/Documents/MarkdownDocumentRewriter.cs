using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace Tarjama.Documents;

/// <summary>Translates Markdown by rewriting its source in place: each segment's source span is replaced by its
/// translation, escaped, with the segment's markup in its exact source form; everything else is left byte for byte.</summary>
/// <remarks>The result is parsed again and compared with the source's structure; a block whose translation would change
/// it (a model's text can defeat emphasis rules) keeps its source text, so the structure is always the source's.</remarks>
internal sealed class MarkdownDocumentRewriter : IDocumentRewriter
{
    private const int MaxRepairs = 32;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    private readonly string _source;
    private readonly List<string> _structure;
    private readonly List<int> _blockOfLeaf = [];
    private readonly List<IReadOnlyList<InlinePiece>> _blocks = [];

    public MarkdownDocumentRewriter(string source)
    {
        _source = source;
        NestingLimit.CheckMarkdown(source);
        var document = Parse(source);
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            _blockOfLeaf.Add(leaf.Inline is null ? -1 : _blocks.Count);
            if (leaf.Inline is { } inline)
            {
                _blocks.Add(MarkdownPieces.Of(inline, source));
            }
        }
        _structure = MarkdownStructure.Of(document);
    }

    public IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks => _blocks;

    /// <exception cref="TarjamaException">Past Markdig's own limit, which counts more than nesting (thousands of emphasis
    /// spans in one paragraph reach it) and which it reports as an ArgumentException.</exception>
    private static MarkdownDocument Parse(string text)
    {
        try
        {
            return Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            throw new TarjamaException("the Markdown is past its parser's limit (nesting, or thousands of emphasis spans, links or cells in one block); split it, or send it as plain text", e);
        }
    }

    public string CodeText(InlinePiece piece) => ((MarkdownSpan)piece.Origin!).Of(_source);

    public string Render(IReadOnlyList<SegmentedBlock> translated)
    {
        var edits = translated.Select(Edits).ToList();
        var reverted = new bool[edits.Count];
        for (int repair = 0; repair <= MaxRepairs; repair++)
        {
            var text = Apply(edits, reverted);
            int leaf = MarkdownStructure.FirstDifference(_structure, MarkdownStructure.Of(Parse(text)));
            if (leaf < 0)
            {
                return text;
            }
            int culprit = Culprit(leaf, edits, reverted);
            if (culprit < 0)
            {
                break;
            }
            reverted[culprit] = true;
        }
        return _source;
    }

    private List<(int Start, int End, string Text)> Edits(SegmentedBlock block)
    {
        var edits = new List<(int, int, string)>();
        foreach (var span in block.Spans)
        {
            if (span.Result?.Parts is not { } parts)
            {
                continue;
            }
            var (first, last) = (span.Parts[0], span.Parts[^1]);
            var firstSpan = (MarkdownSpan)block.Pieces[first.Piece].Origin!;
            var lastSpan = (MarkdownSpan)block.Pieces[last.Piece].Origin!;
            int start = firstSpan.CharStarts is { } starts ? starts[first.Start] : firstSpan.Start;
            int end = lastSpan.CharEnds is { } ends ? ends[last.Start + last.Length - 1] : lastSpan.End;
            edits.Add((start, end, MarkdownEscaper.Write(parts, block.Pieces, _source)));
        }
        return edits;
    }

    private string Apply(List<List<(int Start, int End, string Text)>> edits, bool[] reverted)
    {
        var text = new StringBuilder(_source.Length + (_source.Length / 4));
        int position = 0;
        foreach (var (start, end, replacement) in edits.Where((_, block) => !reverted[block]).SelectMany(block => block).OrderBy(edit => edit.Start))
        {
            text.Append(_source, position, start - position).Append(replacement);
            position = end;
        }
        return text.Append(_source, position, _source.Length - position).ToString();
    }

    /// <summary>The block to give its source back when the structure first differs at <paramref name="leaf"/>: that leaf's,
    /// or the nearest translated one before it (a translation can only disturb what follows it).</summary>
    private int Culprit(int leaf, List<List<(int, int, string)>> edits, bool[] reverted)
    {
        for (int i = Math.Min(leaf, _blockOfLeaf.Count - 1); i >= 0; i--)
        {
            if (_blockOfLeaf[i] is var block and >= 0 && !reverted[block] && edits[block].Count > 0)
            {
                return block;
            }
        }
        return -1;
    }
}
