using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>What the memory budget is charged for a request: its bytes, the format that tells how it grows (null:
/// markup not known yet), and for markup its breaks — line ends, table bars and tag openings, each of which can start
/// a block, a cell or an element of the tree it becomes.</summary>
internal readonly record struct DocumentSize(long Bytes, DocumentFormat? Format, long Breaks = 0)
{
    /// <summary>The size of texts sent in a request (UTF-16 in memory: two bytes a character).</summary>
    public static DocumentSize OfTexts(IReadOnlyList<string> texts, DocumentFormat format) =>
        new(texts.Sum(text => 2L * text.Length), format, format == DocumentFormat.Text ? 0 : texts.Sum(text => BreaksIn(text.AsSpan())));

    /// <summary>The breaks in a stretch of markup, as UTF-8 bytes or as characters.</summary>
    public static long BreaksIn<T>(ReadOnlySpan<T> markup) where T : IEquatable<T>, System.Numerics.INumberBase<T> =>
        markup.Count(T.CreateTruncating('\n')) + markup.Count(T.CreateTruncating('|')) + markup.Count(T.CreateTruncating('<'));
}
