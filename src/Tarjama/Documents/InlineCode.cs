namespace Tarjama.Documents;

/// <summary>What an inline code stands for in a segment: markup that opens, markup that closes, or something whole.</summary>
public enum InlineCodeKind
{
    Open,
    Close,
    Standalone,
}

/// <summary>A piece of markup inside a segment (a bold, a link, an image, a code span), numbered from 1 in the segment.</summary>
/// <param name="Id">The code's number in its segment, from 1, in source order.</param>
/// <param name="Text">The markup as written in the source (e.g. "**", "&lt;b&gt;"), for an editor to see.</param>
public sealed record InlineCode(int Id, InlineCodeKind Kind, string Text);

/// <summary>A piece of a segment as an editor sees it: text, or else the inline code with id <see cref="Code"/>.</summary>
public readonly record struct SegmentPart(string? Text, int Code)
{
    public static SegmentPart OfText(string text) => new(text, 0);

    public static SegmentPart OfCode(int id) => new(null, id);
}
