namespace Tarjama.Evaluation;

/// <summary>Python's <c>str.split()</c>, <c>str.rstrip()</c> and whitespace, which sacreBLEU's metrics are defined by.</summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace</c>: .NET's whitespace plus the four ASCII separators U+001C..U+001F.</summary>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary><c>str.split()</c> with no arguments: runs of whitespace separate, and no empty parts come back.</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        int start = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsWhiteSpace(text[i]))
            {
                if (start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0)
        {
            parts.Add(text[start..]);
        }
        return parts;
    }

    /// <summary><c>str.rstrip()</c> with no arguments.</summary>
    public static string TrimEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return text[..end];
    }

    /// <summary><c>"".join(text.split())</c>: the text with all whitespace taken out.</summary>
    public static string RemoveWhiteSpace(string text) => string.Concat(Split(text));
}
