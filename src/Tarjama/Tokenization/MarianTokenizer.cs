using System.Text;
using Microsoft.ML.Tokenizers;

namespace Tarjama.Tokenization;

/// <summary>Tokenizes as Hugging Face's MarianTokenizer does: source SentencePiece pieces mapped through the joint
/// vocabulary (unknown pieces to <c>&lt;unk&gt;</c>), an optional target-language token first, end-of-sentence last;
/// decodes target ids by joining their pieces, special tokens dropped.</summary>
public sealed class MarianTokenizer
{
    private const char WordBoundary = '\u2581';
    private readonly SentencePieceTokenizer _source;
    private readonly HashSet<int> _special;

    public MarianTokenizer(SentencePieceTokenizer source, MarianVocabulary vocabulary, SpecialTokenIds ids, int? languageTokenId)
    {
        _source = source;
        Vocabulary = vocabulary;
        Ids = ids;
        LanguageTokenId = languageTokenId;
        _special = [ids.Eos, ids.Pad, ids.Unk];
    }

    public MarianVocabulary Vocabulary { get; }
    public SpecialTokenIds Ids { get; }
    public int? LanguageTokenId { get; }

    /// <summary>Source pieces of <paramref name="text"/> as model ids, without the language token or end-of-sentence.</summary>
    public List<int> EncodePieces(string text)
    {
        var tokens = _source.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = new List<int>(tokens.Count + 2);
        foreach (var token in tokens)
        {
            ids.Add(Vocabulary.TryGetId(token.Value, out int id) ? id : Ids.Unk);
        }
        return ids;
    }

    /// <summary>The full model input: language token (if the model has one), pieces, end-of-sentence.</summary>
    public int[] Encode(string text) => Frame(EncodePieces(text));

    /// <summary>Adds the language token and end-of-sentence around a run of piece ids.</summary>
    public int[] Frame(IReadOnlyList<int> pieces)
    {
        var ids = new List<int>(pieces.Count + 2);
        if (LanguageTokenId is int language)
        {
            ids.Add(language);
        }
        ids.AddRange(pieces);
        ids.Add(Ids.Eos);
        return [.. ids];
    }

    /// <summary>How many ids <see cref="Frame"/> adds around the pieces.</summary>
    public int FrameLength => LanguageTokenId is null ? 1 : 2;

    public string Decode(ReadOnlySpan<int> ids)
    {
        var text = new StringBuilder();
        foreach (int id in ids)
        {
            if (!_special.Contains(id) && Vocabulary.Piece(id) is { } piece)
            {
                text.Append(piece);
            }
        }
        return text.Replace(WordBoundary, ' ').ToString().Trim();
    }

    /// <summary>True when a piece id starts a new word, a safe place to cut an over-long input.</summary>
    public bool StartsWord(int id) => Vocabulary.Piece(id) is { Length: > 0 } piece && piece[0] == WordBoundary;
}

/// <summary>End-of-sentence, padding, unknown and decoder-start ids, from the model's configs, never assumed.</summary>
public sealed record SpecialTokenIds(int Eos, int Pad, int Unk, int DecoderStart);
