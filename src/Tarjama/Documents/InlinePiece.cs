namespace Tarjama.Documents;

/// <summary>What a piece of a block's inline content is to translation.</summary>
internal enum PieceKind
{
    /// <summary>Text to translate.</summary>
    Text,

    /// <summary>Markup that opens (a bold, a link...): kept, around the words it marked.</summary>
    Open,

    /// <summary>Markup that closes what an <see cref="Open"/> opened.</summary>
    Close,

    /// <summary>Something kept whole and in place: an image, a code span, a comment.</summary>
    Atomic,

    /// <summary>A line break inside the block: it ends a segment and is kept as it is.</summary>
    Break,
}

/// <summary>A piece of a block: a block (paragraph, heading, table cell, attribute value, line) is a list of these.</summary>
/// <param name="Text">For <see cref="PieceKind.Text"/>, the text to translate; for <see cref="PieceKind.Atomic"/>, what it reads as
/// in bilingual output (e.g. a code span's code); otherwise empty.</param>
/// <param name="Origin">Where the piece comes from in its document, for the writer of that format.</param>
internal sealed record InlinePiece(PieceKind Kind, string Text, object? Origin = null);
