using System.Buffers;

namespace Tarjama.Text;

/// <summary>Finds the stretches of a paragraph that a sentence must not be cut in: inside matched brackets, and inside
/// quotations kept whole. Straight quotes are read as opening or closing from the characters around them, so one that
/// opens and never closes changes nothing after it.</summary>
internal static class Enclosures
{
    /// <summary>Quotations up to this many characters stay whole ("Yes. No."): cutting them would leave segments of a
    /// word or two with a dangling quote mark. Longer ones are cut at their sentence ends, as human splits do.</summary>
    private const int ShortQuotation = 40;

    private static readonly SearchValues<char> Marks = SearchValues.Create("«»“”()[]{}\"");

    /// <summary>How many kept-whole enclosures are open after each character; null when there are none.</summary>
    public static int[]? Depth(string text)
    {
        if (!text.AsSpan().ContainsAny(Marks))
        {
            return null;
        }
        var change = new int[text.Length];
        bool any = false;
        foreach (var (open, close) in MatchedPairs(text))
        {
            if (IsBracket(text[open]) || close - open - 1 <= ShortQuotation)
            {
                change[open]++;
                change[close]--;
                any = true;
            }
        }
        if (!any)
        {
            return null;
        }
        var depth = new int[text.Length];
        for (int i = 0, level = 0; i < text.Length; i++)
        {
            level += change[i];
            depth[i] = level;
        }
        return depth;
    }

    /// <summary>Each closing mark with the nearest open mark of its kind; marks that find no partner are left out, so a
    /// stray « or " cannot swallow the rest of the paragraph.</summary>
    private static List<(int Open, int Close)> MatchedPairs(string text)
    {
        var pairs = new List<(int, int)>();
        var open = new List<int>();
        var openOfKind = new Dictionary<char, int>(); // so a closing mark with no partner costs no search
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char? wanted = c switch { '»' => '«', '”' => '“', ')' => '(', ']' => '[', '}' => '{', _ => null };
            if (c == '"')
            {
                var role = StraightQuoteRole(text, i);
                wanted = role == Role.Closing || (role == Role.Either && openOfKind.GetValueOrDefault('"') > 0) ? '"' : null;
            }
            if (wanted is null && c is '«' or '“' or '(' or '[' or '{' or '"')
            {
                open.Add(i);
                openOfKind[c] = openOfKind.GetValueOrDefault(c) + 1;
            }
            else if (wanted is { } kind && openOfKind.GetValueOrDefault(kind) > 0)
            {
                int match = open.FindLastIndex(at => text[at] == kind);
                pairs.Add((open[match], i));
                foreach (int inside in open.Skip(match))
                {
                    openOfKind[text[inside]]--;
                }
                open.RemoveRange(match, open.Count - match); // marks left open inside the pair never close
            }
        }
        return pairs;
    }

    private enum Role
    {
        Opening,
        Closing,
        Either,
    }

    /// <summary>A straight quote after a space and before a word opens; after a word and before a space or punctuation
    /// closes; between two words or two spaces it could be either.</summary>
    private static Role StraightQuoteRole(string text, int at)
    {
        char? before = Neighbour(text, at, -1);
        char? after = Neighbour(text, at, +1);
        bool spaceBefore = before is null || char.IsWhiteSpace(before.Value) || before.Value is '(' or '[' or '{' or '«' or '“' or '‘';
        bool spaceAfter = after is null || char.IsWhiteSpace(after.Value) || IsClosingPunctuation(after.Value);
        return (spaceBefore, spaceAfter) switch
        {
            (true, false) => Role.Opening,
            (false, true) => Role.Closing,
            _ => Role.Either,
        };
    }

    /// <summary>The nearest character in <paramref name="step"/>'s direction that is not markup standing in (private use area).</summary>
    private static char? Neighbour(string text, int at, int step)
    {
        for (int i = at + step; i >= 0 && i < text.Length; i += step)
        {
            if (text[i] is < '\uE000' or > '\uF8FF')
            {
                return text[i];
            }
        }
        return null;
    }

    private static bool IsClosingPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '…' or '؟' or '،' or '؛'
        or ')' or ']' or '}' or '»' or '”' or '’';

    private static bool IsBracket(char c) => c is '(' or '[' or '{';
}
