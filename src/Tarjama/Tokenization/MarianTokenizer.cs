using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Tarjama.Tokenization;

/// <summary>Tokenizes as Hugging Face's MarianTokenizer does: source SentencePiece pieces mapped through the joint
/// vocabulary (unknown pieces to <c>&lt;unk&gt;</c>), an optional target-language token first, end-of-sentence last;
/// decodes target ids by joining their pieces, special tokens dropped.</summary>
public sealed partial class MarianTokenizer
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

    /// <summary>The language token for <paramref name="text"/> and its source pieces as model ids. As MarianTokenizer
    /// does, a code such as <c>&gt;&gt;arz&lt;&lt;</c> at the very start is the language token (unknown codes become
    /// <c>&lt;unk&gt;</c>) and codes anywhere are removed from the text; with none at the start, the model's default
    /// target-language token (if it has one) is used.</summary>
    public (int? Language, List<int> Pieces) EncodeParts(string text) => EncodeParts(text, LanguageTokenId);

    /// <summary>As <see cref="EncodeParts(string)"/>, with <paramref name="language"/> as the token used when the text names none.</summary>
    public (int? Language, List<int> Pieces) EncodeParts(string text, int? language)
    {
        var code = LanguageCode().Match(text);
        if (code.Success)
        {
            if (code.Index == 0)
            {
                language = Vocabulary.TryGetId(code.Value, out int id) ? id : Ids.Unk;
            }
            text = LanguageCode().Replace(text, "");
        }
        return (language, EncodePieces(text));
    }

    /// <summary>Source pieces of <paramref name="text"/> as model ids, without the language token or end-of-sentence.</summary>
    public List<int> EncodePieces(string text)
    {
        var tokens = _source.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = new List<int>(tokens.Count + 2);
        var unknownRun = new StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            // SentencePiece merges a run of characters it does not know into one piece, looked up whole.
            if (tokens[i].Id == _source.UnknownId)
            {
                unknownRun.Append(tokens[i].Value);
                if (i + 1 < tokens.Count && tokens[i + 1].Id == _source.UnknownId)
                {
                    continue;
                }
                ids.Add(Id(unknownRun.ToString()));
                unknownRun.Clear();
                continue;
            }
            ids.Add(Id(tokens[i].Value));
        }
        return ids;
    }

    private int Id(string piece) => Vocabulary.TryGetId(piece, out int id) ? id : Ids.Unk;

    /// <summary>The full model input: language token (if any), pieces, end-of-sentence.</summary>
    public int[] Encode(string text)
    {
        var (language, pieces) = EncodeParts(text);
        return Frame(language, pieces);
    }

    /// <summary>Adds the language token and end-of-sentence around a run of piece ids.</summary>
    public int[] Frame(int? language, IReadOnlyList<int> pieces)
    {
        var ids = new List<int>(pieces.Count + 2);
        if (language is int token)
        {
            ids.Add(token);
        }
        ids.AddRange(pieces);
        ids.Add(Ids.Eos);
        return [.. ids];
    }

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

    // MarianTokenizer's own pattern, greedy as there.
    [GeneratedRegex(">>.+<<")]
    private static partial Regex LanguageCode();

    /// <summary>True when a piece id starts a new word, a safe place to cut an over-long input.</summary>
    public bool StartsWord(int id) => Vocabulary.Piece(id) is { Length: > 0 } piece && piece[0] == WordBoundary;
}

/// <summary>End-of-sentence, padding, unknown and decoder-start ids, from the model's configs, never assumed.</summary>
public sealed record SpecialTokenIds(int Eos, int Pad, int Unk, int DecoderStart);
