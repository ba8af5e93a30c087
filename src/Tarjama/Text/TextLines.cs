namespace Tarjama.Text;

/// <summary>A text held whole cut into lines as <see cref="Utf8LineReader"/> cuts a stream: each line with its own
/// ending (LF, CRLF, a lone CR, or none for a last line without one), so that the lines join back exactly.</summary>
internal static class TextLines
{
    private static readonly char[] Ends = ['\n', '\r'];

    public static IEnumerable<(string Line, string End)> Split(string text)
    {
        for (int start = 0; start < text.Length;)
        {
            int end = text.IndexOfAny(Ends, start);
            if (end < 0)
            {
                yield return (text[start..], "");
                yield break;
            }
            string lineEnd = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? "\r\n" : text[end].ToString();
            yield return (text[start..end], lineEnd);
            start = end + lineEnd.Length;
        }
    }
}
