using Tarjama.Tokenization;

namespace Tarjama.Models;

/// <summary>M2M100's architecture (<c>model_type: m2m_100</c>) with NLLB-200's or M2M100's tokenizer: one model for
/// many directions. The source is <c>[src_lang] pieces &lt;/s&gt;</c> (NLLB's legacy frame: <c>pieces &lt;/s&gt;
/// [src_lang]</c>) and the decoder starts <c>&lt;/s&gt; [tgt_lang]</c>, the target-language token forced as Hugging
/// Face's <c>forced_bos_token_id</c> forces it.</summary>
internal sealed class M2M100Family : ModelFamily
{
    private readonly MultilingualTokenizer _tokenizer;
    private readonly bool _isNllb;
    private readonly bool _legacy;
    private readonly Dictionary<string, int> _languageIds;

    public M2M100Family(ModelFolder folder, string? defaultSource, string? defaultTarget)
    {
        (_tokenizer, _isNllb, _legacy) = MultilingualTokenizerLoader.Load(folder);
        _languageIds = _tokenizer.Languages.ToDictionary(t => _isNllb ? t.Key : t.Key.Trim('_'), t => t.Value);
        if (_languageIds.Count == 0)
        {
            throw new TarjamaException($"{folder.Path}: the tokenizer has no language codes");
        }
        var codes = _languageIds.Keys.Order(StringComparer.Ordinal).ToList();
        SourceLanguages = codes;
        TargetLanguages = codes;
        // Tarjama translates Arabic and English first: Arabic into English unless told otherwise.
        DefaultPair = new LanguagePair(Match("ar", codes) ?? codes[0], Match("en", codes) ?? codes[0]);
        DefaultPair = Resolve(defaultSource, defaultTarget);
    }

    public override string Name => _isNllb ? "nllb" : "m2m100";
    public override SpecialTokenIds Ids => _tokenizer.Ids;
    internal override int TokenCount => _tokenizer.TokenCount;
    public override LanguagePair DefaultPair { get; }
    public override IReadOnlyList<string> SourceLanguages { get; }
    public override IReadOnlyList<string> TargetLanguages { get; }

    protected override string? Match(string code, IReadOnlyList<string> known) =>
        _isNllb ? NllbLanguages.FindNllb(code, known) : NllbLanguages.FindM2M100(code, known);

    public override string IsoCode(string familyCode) => NllbLanguages.IsoCode(familyCode);

    public override SourceInput Encode(string text, LanguagePair pair)
    {
        int language = _languageIds[pair.Source];
        var pieces = _tokenizer.EncodePieces(text);
        return _legacy
            ? new SourceInput([], pieces, [_tokenizer.Ids.Eos, language])
            : new SourceInput([language], pieces, [_tokenizer.Ids.Eos]);
    }

    public override int[] DecoderPrefix(LanguagePair pair) => [_tokenizer.Ids.DecoderStart, _languageIds[pair.Target]];

    public override int[] EncodeTarget(string text) => [.. _tokenizer.EncodePieces(text)]; // one vocabulary for both sides

    public override string Decode(ReadOnlySpan<int> ids) => _tokenizer.Decode(ids);

    public override string? Piece(int id) => _tokenizer.Piece(id);
}
