using System.Text;
using Microsoft.ML.Tokenizers;

namespace Tarjama.Tokenization;

/// <summary>Tokenizes as Hugging Face's slow NllbTokenizer and M2M100Tokenizer do: the text is cut at added tokens
/// (language codes and specials, kept whole), each plain run goes through SentencePiece, and pieces map to model ids
/// through the vocabulary (NLLB's is SentencePiece's ids plus the fairseq offset; M2M100's is vocab.json); pieces the
/// vocabulary lacks are <c>&lt;unk&gt;</c>. Decoding joins the pieces of non-special ids.</summary>
internal sealed class MultilingualTokenizer(SentencePieceTokenizer pieces, Func<string, string> normalize, MarianVocabulary vocabulary, AddedTokens added,
    IReadOnlyDictionary<string, int> languages, SpecialTokenIds ids)
{
    private const char WordBoundary = '\u2581';
    private readonly Dictionary<int, string> _languageTokens = languages.ToDictionary(l => l.Value, l => l.Key);

    public SpecialTokenIds Ids => ids;

    /// <summary>One more than the highest id encoding can give: pieces, added tokens and language tokens.</summary>
    public int TokenCount { get; } = Math.Max(vocabulary.Count, Math.Max(added.HighestId, languages.Values.DefaultIfEmpty(-1).Max()) + 1);

    /// <summary>Language token (<c>arb_Arab</c>, <c>__ar__</c>) → model id.</summary>
    public IReadOnlyDictionary<string, int> Languages => languages;

    /// <summary>Model ids of <paramref name="text"/>'s pieces, without language code or end-of-sentence.</summary>
    public List<int> EncodePieces(string text)
    {
        var result = new List<int>();
        foreach (var (run, id) in added.Split(text))
        {
            if (id is int token)
            {
                result.Add(token);
                continue;
            }
            var tokens = pieces.EncodeToTokens(normalize(run), out _, addBeginningOfSentence: false, addEndOfSentence: false,
                considerPreTokenization: false, considerNormalization: false);
            for (int i = 0; i < tokens.Count; i++)
            {
                // SentencePiece gives a run of characters it does not know one <unk>.
                if (tokens[i].Id != pieces.UnknownId && vocabulary.TryGetId(tokens[i].Value, out int model))
                {
                    result.Add(model);
                }
                else if (i == 0 || tokens[i - 1].Id != pieces.UnknownId || tokens[i].Id != pieces.UnknownId)
                {
                    result.Add(ids.Unk);
                }
            }
        }
        return result;
    }

    public string? Piece(int id) => vocabulary.Piece(id) ?? added.Token(id) ?? _languageTokens.GetValueOrDefault(id);

    public string Decode(ReadOnlySpan<int> tokens)
    {
        var text = new StringBuilder();
        foreach (int id in tokens)
        {
            if (!added.Special.Contains(id) && !_languageTokens.ContainsKey(id) && id != ids.Unk && Piece(id) is { } piece)
            {
                text.Append(piece);
            }
        }
        return text.Replace(WordBoundary, ' ').ToString().Trim();
    }
}
