using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Refuses a document nested deeper than real documents are, before it is parsed: parsing and walking deep
/// nesting costs time and memory that grow faster than the input (and Markdig throws past its own limit), so hostile
/// nesting would otherwise tie the engine's host up for seconds or fail unexplained.</summary>
/// <remarks>The depth is read from the source text, an upper bound of what the parser builds: for Markdown, container
/// markers and indentation at the start of each line, and open brackets and emphasis runs within each paragraph; for
/// HTML, open elements, as a browser closes them (void elements, end tags, p, li, td... closed by their siblings).</remarks>
internal static partial class NestingLimit
{
    /// <summary>Deepest Markdown block nesting (a list counts two, as Markdig counts it, whose limit is 128) and inline nesting.</summary>
    public const int MarkdownDepth = 64;

    /// <summary>Deepest HTML element nesting; pages rarely pass 40.</summary>
    public const int HtmlDepth = 256;

    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements a browser closes when a sibling opens, so they never nest by themselves.</summary>
    private static readonly FrozenSet<string> SelfClosingSiblings = FrozenSet.ToFrozenSet(
        ["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt", "rp"], StringComparer.OrdinalIgnoreCase);

    /// <exception cref="TarjamaException">The Markdown nests deeper than <see cref="MarkdownDepth"/>.</exception>
    public static void CheckMarkdown(string source)
    {
        int inline = 0;
        string? fence = null;
        var lines = TextLines.Split(source).Select(line => line.Line).ToList(); // LF, CRLF or CR, as Markdig reads them
        for (int number = 0; number < lines.Count; number++)
        {
            string line = lines[number];
            string trimmed = line.TrimStart();
            if (Fence().Match(trimmed) is { Success: true } marker && (fence is null || trimmed.StartsWith(fence, StringComparison.Ordinal)))
            {
                fence = fence is null ? marker.Value : null;
                continue;
            }
            if (fence is not null)
            {
                continue;
            }
            if (trimmed.Length == 0)
            {
                inline = 0;
                continue;
            }
            int depth = ContainerDepth(line, out int textStart);
            inline = InlineDepth(line, textStart, inline, out int deepest);
            if (depth > MarkdownDepth || deepest > MarkdownDepth)
            {
                throw TooDeep("Markdown", Math.Max(depth, deepest), MarkdownDepth, number + 1);
            }
        }
    }

    /// <exception cref="TarjamaException">The HTML nests deeper than <see cref="HtmlDepth"/>.</exception>
    public static void CheckHtml(string source)
    {
        var open = new List<string>();
        foreach (Match tag in HtmlTag().Matches(source).Where(tag => tag.Groups["name"].Success))
        {
            string name = tag.Groups["name"].Value;
            if (tag.Groups["end"].Success)
            {
                int at = open.FindLastIndex(element => element.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }
                continue;
            }
            bool foreign = open.Exists(element => element is "svg" or "math");
            if (VoidElements.Contains(name) || SelfClosingSiblings.Contains(name) || (foreign && tag.Groups["self"].Success))
            {
                continue;
            }
            open.Add(name.ToLowerInvariant());
            if (open.Count > HtmlDepth)
            {
                throw TooDeep("HTML", open.Count, HtmlDepth, source.AsSpan(0, tag.Index).Count('\n') + 1);
            }
        }
    }

    /// <summary>Block quotes count one, list items two (the list and its item), extra indentation a column each.</summary>
    private static int ContainerDepth(string line, out int textStart)
    {
        int depth = 0, i = 0;
        while (true)
        {
            int spaces = 0;
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                spaces += line[i++] == '\t' ? 4 : 1;
            }
            depth += Math.Max(0, spaces - 1);
            if (i < line.Length && line[i] == '>')
            {
                (depth, i) = (depth + 1, i + 1);
            }
            else if (ListMarker().Match(line, i) is { Success: true } marker && marker.Index == i)
            {
                (depth, i) = (depth + 2, i + marker.Length);
            }
            else
            {
                textStart = i;
                return depth;
            }
        }
    }

    /// <summary>Open brackets and emphasis runs not yet closed in the paragraph, carried from line to line; code spans skipped.</summary>
    private static int InlineDepth(string line, int start, int depth, out int deepest)
    {
        deepest = depth;
        for (int i = start; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '`')
            {
                int run = Run(line, i);
                int close = line.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                i = close < 0 ? i + run - 1 : close + run - 1;
            }
            else if (c == '[')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c == ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c is '*' or '_' or '~')
            {
                int run = Run(line, i);
                char before = i > 0 ? line[i - 1] : ' ';
                char after = i + run < line.Length ? line[i + run] : ' ';
                bool opens = !char.IsWhiteSpace(after) && (char.IsWhiteSpace(before) || char.IsPunctuation(before));
                bool closes = !char.IsWhiteSpace(before) && (char.IsWhiteSpace(after) || char.IsPunctuation(after));
                int levels = c == '~' && run < 2 ? 0 : (run + 1) / 2;
                if (opens && !closes)
                {
                    depth += levels;
                    deepest = Math.Max(deepest, depth);
                }
                else if (closes && !opens)
                {
                    depth = Math.Max(0, depth - levels);
                }
                i += run - 1;
            }
        }
        return depth;
    }

    private static int Run(string line, int start)
    {
        int end = start;
        while (end < line.Length && line[end] == line[start])
        {
            end++;
        }
        return end - start;
    }

    private static TarjamaException TooDeep(string format, int depth, int limit, int line) =>
        new($"the {format} nests deeper than {limit} levels (line {line} reaches {depth}); flatten it, or send it as plain text");

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"[-+*]( |\t|$)|[0-9]{1,9}[.)]( |\t|$)")]
    private static partial Regex ListMarker();

    /// <summary>Comments and raw-text elements' content are skipped whole; attribute values may hold '>'.</summary>
    [GeneratedRegex("""<!--.*?-->|<(?<raw>script|style|textarea|title|xmp|iframe|noembed|noframes)\b[^>]*>.*?</\k<raw>\s*>|<(?<end>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(?<self>/)?>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();
}
