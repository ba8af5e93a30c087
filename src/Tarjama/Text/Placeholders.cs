using System.Text.RegularExpressions;

namespace Tarjama.Text;

/// <summary>What a placeholder stands for: verbatim text (may move freely), or markup (must keep its order).</summary>
public enum PlaceholderKind
{
    Verbatim,
    Open,
    Close,
    Atomic,
}

/// <summary>Whether the source had whitespace right before and right after a placeholder (a segment's edge counts as
/// whitespace): the model's input stands every placeholder apart from words, so it cannot tell.</summary>
public readonly record struct SourceSpacing(bool Before, bool After);

/// <summary>One piece of a restored translation: translated <see cref="Text"/>, or else the 0-based placeholder that stands there.</summary>
public readonly record struct RestoredPart(string? Text, int Placeholder);

/// <summary>The placeholders that stand in the model's input for what it must not translate ("[1]", "[2]"...: short,
/// made of characters every vocabulary has, and copied through by translation models), and their restoration.</summary>
public static partial class Placeholders
{
    /// <summary>The token for the placeholder with 0-based <paramref name="index"/>.</summary>
    public static string Token(int index) => $"[{index + 1}]";

    /// <summary>Puts each placeholder of <paramref name="input"/> back into the model's <paramref name="output"/> exactly once:
    /// duplicates are dropped; markup that is lost, reordered or left empty is placed again at the same relative position
    /// among the words, around whole words; verbatim text that is lost is put back where it was, relatively; verbatim
    /// text never runs into digits or other verbatim text it stood apart from ("[1][2]" is "3.5 2024", not "3.52024");
    /// an atomic code gains no space on a side where the source had none (<paramref name="sourceSpacing"/>, by index).</summary>
    public static IReadOnlyList<RestoredPart> Restore(string input, string output, IReadOnlyList<PlaceholderKind> kinds, IReadOnlyList<SourceSpacing> sourceSpacing)
    {
        var atoms = Atomize(output, kinds.Count);
        if (!MarkupIntact(atoms, input, kinds))
        {
            atoms.RemoveAll(atom => atom.Text is null && kinds[atom.Placeholder] != PlaceholderKind.Verbatim);
        }
        var present = atoms.Where(atom => atom.Text is null).Select(atom => atom.Placeholder).ToHashSet();
        var missing = Enumerable.Range(0, kinds.Count).Where(index => !present.Contains(index)).ToList();
        atoms = PlaceMissing(atoms, missing, input, kinds);
        MoveSpacesOutsideMarkup(atoms, kinds, sourceSpacing);
        KeepVerbatimApart(atoms, input, kinds);
        return Merge(atoms);
    }

    /// <summary>Where each token stands in <paramref name="input"/>, by 0-based index.</summary>
    private static Dictionary<int, int> TokenPositions(string input) =>
        Token().Matches(input).Select(m => (Index: Index(m), m.Index)).Where(t => t.Index >= 0).DistinctBy(t => t.Index)
            .ToDictionary(t => t.Index, t => t.Item2);

    private static List<RestoredPart> Atomize(string output, int count)
    {
        var atoms = new List<RestoredPart>();
        var seen = new bool[count];
        int position = 0;
        foreach (Match match in Token().Matches(output))
        {
            int index = Index(match);
            if (index < 0 || index >= count)
            {
                continue; // not one of ours: the model's own text
            }
            AddWords(atoms, output[position..match.Index]);
            position = match.Index + match.Length;
            if (!seen[index])
            {
                atoms.Add(new RestoredPart(null, index));
                seen[index] = true;
            }
        }
        AddWords(atoms, output[position..]);
        return atoms;
    }

    private static void AddWords(List<RestoredPart> atoms, string text)
    {
        foreach (var piece in WordsAndSpaces().Split(text).Where(piece => piece.Length > 0))
        {
            atoms.Add(new RestoredPart(piece, -1));
        }
    }

    /// <summary>True when every markup placeholder came back once, in the input's order, and each pair that enclosed
    /// something in the input still encloses something.</summary>
    private static bool MarkupIntact(List<RestoredPart> atoms, string input, IReadOnlyList<PlaceholderKind> kinds)
    {
        var markup = Enumerable.Range(0, kinds.Count).Where(i => kinds[i] != PlaceholderKind.Verbatim);
        var found = atoms.Where(a => a.Text is null && kinds[a.Placeholder] != PlaceholderKind.Verbatim).Select(a => a.Placeholder);
        if (!found.SequenceEqual(markup))
        {
            return false;
        }
        var positions = TokenPositions(input);
        var opened = new Stack<(int Placeholder, int Atom)>();
        for (int a = 0; a < atoms.Count; a++)
        {
            if (atoms[a].Text is not null || kinds[atoms[a].Placeholder] is not (PlaceholderKind.Open or PlaceholderKind.Close))
            {
                continue;
            }
            if (kinds[atoms[a].Placeholder] == PlaceholderKind.Open)
            {
                opened.Push((atoms[a].Placeholder, a));
                continue;
            }
            if (!opened.TryPop(out var pair))
            {
                continue; // closes markup opened in an earlier segment
            }
            var (open, openAtom) = pair;
            int contentStart = positions[open] + Token(open).Length;
            bool hadContent = !string.IsNullOrWhiteSpace(input[contentStart..positions[atoms[a].Placeholder]]);
            bool hasContent = atoms.Skip(openAtom + 1).Take(a - openAtom - 1).Any(x => x.Text is null || !string.IsNullOrWhiteSpace(x.Text));
            if (hadContent && !hasContent)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Inserts the missing placeholders at their relative input positions among the output's words, in input order,
    /// each pair around at least one word when there is one.</summary>
    private static List<RestoredPart> PlaceMissing(List<RestoredPart> atoms, List<int> missing, string input, IReadOnlyList<PlaceholderKind> kinds)
    {
        if (missing.Count == 0)
        {
            return atoms;
        }
        var positions = TokenPositions(input);
        var words = Enumerable.Range(0, atoms.Count).Where(a => atoms[a].Text is null || !string.IsNullOrWhiteSpace(atoms[a].Text)).ToList();
        var insertAt = new List<(int Atom, int Placeholder)>();
        var openSlots = new Stack<int>();
        int previousSlot = 0;
        int previousAtom = 0;
        foreach (int placeholder in missing)
        {
            double relative = input.Length == 0 ? 0 : (double)positions.GetValueOrDefault(placeholder) / input.Length;
            int slot = Math.Clamp((int)Math.Round(relative * words.Count), previousSlot, words.Count);
            var kind = kinds[placeholder];
            if (kind == PlaceholderKind.Open)
            {
                openSlots.Push(slot);
            }
            else if (kind == PlaceholderKind.Close && openSlots.TryPop(out int openSlot) && slot == openSlot && slot < words.Count)
            {
                slot++; // a pair around nothing would lose its markup's meaning
            }
            int atom = kind == PlaceholderKind.Close
                ? (slot == 0 ? 0 : words[slot - 1] + 1)
                : (slot == words.Count ? atoms.Count : words[slot]);
            atom = Math.Max(atom, previousAtom);
            insertAt.Add((atom, placeholder));
            (previousSlot, previousAtom) = (slot, atom);
        }
        var placed = new List<RestoredPart>(atoms.Count + (2 * missing.Count));
        int next = 0;
        for (int a = 0; a <= atoms.Count; a++)
        {
            for (; next < insertAt.Count && insertAt[next].Atom == a; next++)
            {
                var part = new RestoredPart(null, insertAt[next].Placeholder);
                bool standsAlone = kinds[part.Placeholder] is PlaceholderKind.Verbatim or PlaceholderKind.Atomic;
                if (standsAlone && placed.Count > 0 && IsWord(placed[^1]))
                {
                    placed.Add(new RestoredPart(" ", -1));
                }
                placed.Add(part);
                if (standsAlone && a < atoms.Count && IsWord(atoms[a]))
                {
                    placed.Add(new RestoredPart(" ", -1));
                }
            }
            if (a < atoms.Count)
            {
                placed.Add(atoms[a]);
            }
        }
        return placed;
    }

    /// <summary>"[1] word [2]" becomes " [1]word[2] ": markup hugs the words it marks, as the source had it; an atomic code
    /// hugs what the source glued it to (see <see cref="Hugs"/>).</summary>
    private static void MoveSpacesOutsideMarkup(List<RestoredPart> atoms, IReadOnlyList<PlaceholderKind> kinds, IReadOnlyList<SourceSpacing> spacing)
    {
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int a = 0; a < atoms.Count; a++)
            {
                var hug = Hugs(atoms, a, kinds, spacing);
                if (hug == Hug.Next && a + 1 < atoms.Count && IsSpace(atoms[a + 1]))
                {
                    var space = atoms[a + 1];
                    atoms.RemoveAt(a + 1);
                    if (a > 0 && !IsSpace(atoms[a - 1]))
                    {
                        atoms.Insert(a, space);
                    }
                    changed = true;
                }
                else if (hug == Hug.Previous && a > 0 && IsSpace(atoms[a - 1]))
                {
                    var space = atoms[a - 1];
                    atoms.RemoveAt(a - 1);
                    if (a < atoms.Count && !IsSpace(atoms[a]) && !StartsWithClosingPunctuation(atoms[a]))
                    {
                        atoms.Insert(a, space);
                    }
                    changed = true;
                }
                else if (hug == Hug.Both && a > 0 && a + 1 < atoms.Count && IsSpace(atoms[a - 1]) && IsSpace(atoms[a + 1]))
                {
                    atoms.RemoveAt(a - 1); // one space keeps the target's words apart; two would be one more than the source had
                    changed = true;
                }
            }
        }
    }

    private enum Hug
    {
        None,
        Next,
        Previous,
        Both,
    }

    /// <summary>What the placeholder at <paramref name="a"/> sticks to. Opening markup: the next word; closing markup: the
    /// previous one. An atomic code (a deletion, a bookmark, a note reference) sticks to the side(s) the source glued it to,
    /// so it never gains a space there; glued to both, it stays inside the markup it touches, or else between the words,
    /// whose spacing is the target language's (one space if the model put any); apart from both, it is where the model put it.</summary>
    private static Hug Hugs(List<RestoredPart> atoms, int a, IReadOnlyList<PlaceholderKind> kinds, IReadOnlyList<SourceSpacing> spacing)
    {
        if (atoms[a].Text is not null)
        {
            return Hug.None;
        }
        int placeholder = atoms[a].Placeholder;
        return kinds[placeholder] switch
        {
            PlaceholderKind.Open => Hug.Next,
            PlaceholderKind.Close => Hug.Previous,
            PlaceholderKind.Atomic => spacing[placeholder] switch
            {
                { Before: true, After: false } => Hug.Next,
                { Before: false, After: true } => Hug.Previous,
                { Before: false, After: false } when a > 0 && IsKind(atoms[a - 1], PlaceholderKind.Open, kinds) => Hug.Next,
                { Before: false, After: false } when a + 1 < atoms.Count && IsKind(atoms[a + 1], PlaceholderKind.Close, kinds) => Hug.Previous,
                { Before: false, After: false } => Hug.Both,
                _ => Hug.None,
            },
            _ => Hug.None,
        };
    }

    /// <summary>Puts a space between a verbatim placeholder and what the model glued to it, markup aside: another
    /// verbatim placeholder that was not next to it in the input, or a word that starts or ends with a digit (the
    /// input never glues a placeholder to a word).</summary>
    private static void KeepVerbatimApart(List<RestoredPart> atoms, string input, IReadOnlyList<PlaceholderKind> kinds)
    {
        Dictionary<int, int>? positions = null;
        for (int a = 1; a < atoms.Count; a++)
        {
            var right = atoms[a];
            bool rightVerbatim = IsVerbatim(right, kinds);
            if (!rightVerbatim && !(right.Text is [var first, ..] && char.IsDigit(first)))
            {
                continue;
            }
            int previous = a - 1;
            while (previous >= 0 && IsPairedMarkup(atoms[previous], kinds))
            {
                previous--;
            }
            if (previous < 0 || IsSpace(atoms[previous]))
            {
                continue;
            }
            var left = atoms[previous];
            bool glued = IsVerbatim(left, kinds)
                ? !rightVerbatim || !AdjacentInInput(left.Placeholder, right.Placeholder, input, positions ??= TokenPositions(input))
                : rightVerbatim && left.Text is [.., var last] && char.IsDigit(last);
            if (glued)
            {
                int at = previous + 1;
                while (at < a && kinds[atoms[at].Placeholder] == PlaceholderKind.Close)
                {
                    at++; // the space goes outside the markup that closes on the left word
                }
                atoms.Insert(at, new RestoredPart(" ", -1));
                a++;
            }
        }
    }

    /// <summary>True when <paramref name="second"/> came right after <paramref name="first"/> in the input, markup aside.</summary>
    private static bool AdjacentInInput(int first, int second, string input, Dictionary<int, int> positions)
    {
        if (!positions.TryGetValue(first, out int from) || !positions.TryGetValue(second, out int to))
        {
            return false;
        }
        from += Token(first).Length;
        return to >= from && Token().Replace(input[from..to], "").Length == 0;
    }

    private static bool IsPairedMarkup(RestoredPart atom, IReadOnlyList<PlaceholderKind> kinds) =>
        atom.Text is null && kinds[atom.Placeholder] is PlaceholderKind.Open or PlaceholderKind.Close;

    private static bool IsVerbatim(RestoredPart atom, IReadOnlyList<PlaceholderKind> kinds) => IsKind(atom, PlaceholderKind.Verbatim, kinds);

    private static bool IsKind(RestoredPart atom, PlaceholderKind kind, IReadOnlyList<PlaceholderKind> kinds) =>
        atom.Text is null && kinds[atom.Placeholder] == kind;

    private static List<RestoredPart> Merge(List<RestoredPart> atoms)
    {
        int first = atoms.FindIndex(atom => !IsSpace(atom));
        int last = atoms.FindLastIndex(atom => !IsSpace(atom));
        var parts = new List<RestoredPart>();
        for (int a = Math.Max(first, 0); first >= 0 && a <= last; a++)
        {
            if (atoms[a].Text is { } text && parts.Count > 0 && parts[^1].Text is { } previous)
            {
                parts[^1] = new RestoredPart(previous + text, -1);
            }
            else
            {
                parts.Add(atoms[a]);
            }
        }
        return parts;
    }

    private static bool IsSpace(RestoredPart atom) => atom.Text is { } text && string.IsNullOrWhiteSpace(text);

    private static bool IsWord(RestoredPart atom) => atom.Text is { } text && !string.IsNullOrWhiteSpace(text);

    private static bool StartsWithClosingPunctuation(RestoredPart atom) =>
        atom.Text is [var c, ..] && (c is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '”' or '»' or '’' or '،' or '؛' or '؟' or '%');

    private static int Index(Match match)
    {
        int value = 0;
        foreach (char digit in match.Groups[1].ValueSpan)
        {
            if (value > 100_000_000)
            {
                return -1;
            }
            value = (value * 10) + (int)char.GetNumericValue(digit);
        }
        return value - 1;
    }

    [GeneratedRegex(@"\[\s*(\p{Nd}+)\s*\]")]
    private static partial Regex Token();

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex WordsAndSpaces();
}
