namespace Tarjama.Documents;

/// <summary>Where a Markdown piece stands in the source: [Start, End); for text, where each character's source starts
/// and ends (an escaped character's source starts at its backslash).</summary>
internal sealed record MarkdownSpan(int Start, int End, int[]? CharStarts = null, int[]? CharEnds = null)
{
    public string Of(string source) => source[Start..End];

    /// <summary>Aligns a literal's text with its source, which may hold backslashes and trimmed spaces the text has not.</summary>
    public static MarkdownSpan ForText(string source, int start, int end, string text)
    {
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        int at = start;
        for (int i = 0; i < text.Length; i++)
        {
            int from = at;
            while (at < end && source[at] != text[i])
            {
                at++;
            }
            if (at == end)
            {
                at = Math.Clamp(from, start, Math.Max(start, end - 1)); // not found: keep positions in order rather than fail
            }
            starts[i] = at > from && source[at - 1] == '\\' ? at - 1 : at;
            ends[i] = at + 1;
            at++;
        }
        return new MarkdownSpan(start, end, starts, ends);
    }
}
