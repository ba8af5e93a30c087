using System.Text;
using System.Text.RegularExpressions;

namespace Tarjama.Documents;

/// <summary>Writes a translated segment as Markdown source: the model's text escaped so it cannot become markup,
/// verbatim text as it was, and the segment's markup pieces as their exact source.</summary>
internal static partial class MarkdownEscaper
{
    public static string Write(IReadOnlyList<OutputPart> parts, IReadOnlyList<InlinePiece> pieces, string source)
    {
        var text = new StringBuilder();
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            text.Append(part.Kind switch
            {
                OutputKind.Translated => Escape(part.Text),
                OutputKind.Verbatim => part.Text.ReplaceLineEndings(" "),
                _ => ((MarkdownSpan)pieces[part.Piece].Origin!).Of(source),
            });
        }
        if (parts.Count > 0 && parts[0].Kind != OutputKind.Piece && BlockStart().Match(text.ToString()) is { Success: true } start)
        {
            text.Insert(start.Index + start.Length - 1, '\\'); // at a line's start these would open a heading, quote, list...
        }
        return text.ToString();
    }

    private static string Escape(string translated)
    {
        var text = new StringBuilder(translated.Length + 8);
        for (int i = 0; i < translated.Length; i++)
        {
            char c = translated[i];
            if (c is '\r' or '\n')
            {
                text.Append(' ');
                continue;
            }
            bool special = c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~'
                || (c == '&' && Entity().IsMatch(translated, i))
                || (c == '!' && i == translated.Length - 1); // "!" before a following link's "[" would make it an image
            text.Append(special ? "\\" : "").Append(c);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"\G&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(?:[#>+=\-]|[0-9]{1,9}[.)])")]
    private static partial Regex BlockStart();
}
