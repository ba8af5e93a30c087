using Microsoft.ML.Tokenizers;
using Tarjama.Text;
using Tarjama.Tokenization;

namespace Tarjama.Models;

/// <summary>OPUS-MT (MarianMT): one direction per model, except target-language tokens (<c>&gt;&gt;ara&lt;&lt;</c>)
/// that multilingual-target models put first in the source; the decoder starts from the configured start token.</summary>
internal sealed class MarianFamily : ModelFamily
{
    private readonly MarianTokenizer _tokenizer;
    private readonly string _vocabularyFile;
    private readonly (string Source, string Target) _languages;
    private readonly Lazy<SentencePieceTokenizer?> _targetPieces;

    public MarianFamily(ModelFolder folder, string? defaultSource, string? defaultTarget)
    {
        if (folder.Config.SeparateVocabs)
        {
            throw new TarjamaException($"{folder.File("config.json")}: separate_vocabs true (a target vocabulary apart from the source one) is not supported; only joint-vocabulary OPUS-MT models run");
        }
        _languages = ModelLanguages.Read(folder);
        _vocabularyFile = folder.File("vocab.json");
        _tokenizer = MarianTokenizerLoader.Load(folder, defaultTarget ?? _languages.Target);
        _targetPieces = new(() => TargetSentencePiece(folder));
        var codes = _tokenizer.Vocabulary.LanguageTokens().Select(t => t[2..^2]).Order(StringComparer.Ordinal).ToList();
        SourceLanguages = [_languages.Source];
        TargetLanguages = codes.Count > 0 ? codes : [_languages.Target];
        DefaultPair = new LanguagePair(_languages.Source, TargetLanguages[0]);
        DefaultPair = Resolve(defaultSource, defaultTarget ?? _languages.Target);
    }

    public override string Name => "marian";
    public override SpecialTokenIds Ids => _tokenizer.Ids;
    internal override int TokenCount => _tokenizer.Vocabulary.Count;
    public override LanguagePair DefaultPair { get; }
    public override IReadOnlyList<string> SourceLanguages { get; }
    public override IReadOnlyList<string> TargetLanguages { get; }

    protected override string? Match(string code, IReadOnlyList<string> known) =>
        known.FirstOrDefault(k => LanguageCodes.Same(k, code) || k == LanguageCodes.ThreeLetter(code));

    public override string IsoCode(string familyCode) =>
        LanguageCodes.Same(familyCode, _languages.Target) ? _languages.Target
        : LanguageCodes.Same(familyCode, _languages.Source) ? _languages.Source : familyCode;

    public override SourceInput Encode(string text, LanguagePair pair)
    {
        int? token = _tokenizer.LanguageTokenId is null ? null : MarianTokenizerLoader.LanguageToken(_tokenizer.Vocabulary, pair.Target, _vocabularyFile);
        var (language, pieces) = _tokenizer.EncodeParts(text, token);
        return new SourceInput(language is int id ? [id] : [], pieces, [_tokenizer.Ids.Eos]);
    }

    public override int[] DecoderPrefix(LanguagePair pair) => [_tokenizer.Ids.DecoderStart];

    /// <summary>Target text in the target SentencePiece model's pieces (<c>target.spm</c>), mapped through the shared
    /// vocabulary; the source model's where a model ships only one.</summary>
    public override int[] EncodeTarget(string text)
    {
        if (_targetPieces.Value is not { } target)
        {
            return [.. _tokenizer.EncodePieces(text)];
        }
        var tokens = target.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        return [.. tokens.Select(token => _tokenizer.Vocabulary.TryGetId(token.Value, out int id) ? id : _tokenizer.Ids.Unk)];
    }

    private static SentencePieceTokenizer? TargetSentencePiece(ModelFolder folder)
    {
        string path = folder.File("target.spm");
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var stream = File.OpenRead(path);
            return SentencePieceTokenizer.Create(stream, false, false);
        }
        catch (Exception e) when (e is not TarjamaException)
        {
            throw new TarjamaException($"{path}: not a SentencePiece model ({e.Message})", e);
        }
    }

    public override string Decode(ReadOnlySpan<int> ids) => _tokenizer.Decode(ids);

    public override string? Piece(int id) => _tokenizer.Vocabulary.Piece(id);
}
