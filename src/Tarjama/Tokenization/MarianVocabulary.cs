using Tarjama.Models;

namespace Tarjama.Tokenization;

/// <summary>Marian's joint <c>vocab.json</c>: piece ↔ model id, shared by source and target side.</summary>
public sealed class MarianVocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly string?[] _pieces;

    // Far above any model's vocabulary (NLLB-200: 256,206), so the id → piece table stays small for any file.
    private const int MostIds = 1 << 24;

    private MarianVocabulary(Dictionary<string, int> ids)
    {
        if (ids.FirstOrDefault(p => p.Value is < 0 or >= MostIds) is { Key: not null } outside)
        {
            throw new ArgumentException($"'{outside.Key}' has id {outside.Value}; ids run from 0 to {MostIds - 1}");
        }
        _ids = ids;
        _pieces = new string?[ids.Count == 0 ? 0 : ids.Values.Max() + 1];
        foreach (var (piece, id) in ids)
        {
            _pieces[id] = piece;
        }
    }

    public int Count => _pieces.Length;

    /// <summary>How many pieces the file lists (Hugging Face's <c>len(encoder)</c>).</summary>
    public int Entries => _ids.Count;

    public static MarianVocabulary Load(string path)
    {
        var ids = ModelJson.Read<Dictionary<string, int>>(path);
        if (ids.Count == 0)
        {
            throw new TarjamaException($"{path}: the vocabulary is empty");
        }
        try
        {
            return new MarianVocabulary(ids);
        }
        catch (ArgumentException e)
        {
            throw new TarjamaException($"{path}: {e.Message}", e);
        }
    }

    public static MarianVocabulary FromIds(Dictionary<string, int> ids) => new(ids);

    public static MarianVocabulary FromPieces(IReadOnlyList<string> pieces)
    {
        var ids = new Dictionary<string, int>(pieces.Count);
        for (int i = 0; i < pieces.Count; i++)
        {
            ids.TryAdd(pieces[i], i);
        }
        return new MarianVocabulary(ids);
    }

    public bool TryGetId(string piece, out int id) => _ids.TryGetValue(piece, out id);

    public int Id(string piece, string file) =>
        _ids.TryGetValue(piece, out int id) ? id : throw new TarjamaException($"{file}: the vocabulary has no '{piece}' token");

    public string? Piece(int id) => (uint)id < (uint)_pieces.Length ? _pieces[id] : null;

    /// <summary>Target-language tokens such as <c>&gt;&gt;ara&lt;&lt;</c> that multilingual OPUS-MT models expect first.</summary>
    public IEnumerable<string> LanguageTokens() =>
        _ids.Keys.Where(p => p.Length > 4 && p.StartsWith(">>", StringComparison.Ordinal) && p.EndsWith("<<", StringComparison.Ordinal));
}
