namespace Tarjama.Tokenization;

/// <summary>Tokens added on top of a SentencePiece vocabulary (language codes, <c>&lt;s&gt;</c>, <c>&lt;mask&gt;</c>...):
/// found anywhere in a text before SentencePiece sees it, as Hugging Face's slow tokenizers split on them (at the
/// earliest position, the longest token there).</summary>
internal sealed class AddedTokens
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<char, string[]> _byFirstChar;

    public AddedTokens(IReadOnlyDictionary<string, int> ids, IEnumerable<int> special)
    {
        _ids = ids.Where(t => t.Key.Length > 0).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        _byFirstChar = _ids.Keys.GroupBy(t => t[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Length).ToArray());
        Special = special.ToHashSet();
    }

    /// <summary>Ids of the special tokens (left out when decoding).</summary>
    public IReadOnlySet<int> Special { get; }

    public IEnumerable<string> Tokens => _ids.Keys;

    /// <summary>The highest id of an added token; -1 when there is none.</summary>
    public int HighestId => _ids.Count == 0 ? -1 : _ids.Values.Max();

    public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

    public string? Token(int id) => _ids.FirstOrDefault(t => t.Value == id).Key;

    /// <summary>The text cut into plain runs and added tokens, in order (<c>Id</c> is null for a plain run).</summary>
    public IEnumerable<(string Text, int? Id)> Split(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!_byFirstChar.TryGetValue(text[i], out var candidates))
            {
                continue;
            }
            string? match = candidates.FirstOrDefault(c => string.CompareOrdinal(text, i, c, 0, c.Length) == 0);
            if (match is null)
            {
                continue;
            }
            if (i > start)
            {
                yield return (text[start..i], null);
            }
            yield return (match, _ids[match]);
            start = i + match.Length;
            i = start - 1;
        }
        if (start < text.Length)
        {
            yield return (text[start..], null);
        }
    }
}
