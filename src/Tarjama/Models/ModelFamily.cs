using Tarjama.Tokenization;

namespace Tarjama.Models;

/// <summary>What differs between the model families the engine runs (Marian, M2M100/NLLB): the tokenizer, the
/// languages, how a language pair frames the source and which decoder prefix it needs. The ONNX encoder and decoder
/// and the search strategies know none of this.</summary>
public abstract class ModelFamily
{
    /// <summary>"marian", "nllb" or "m2m100".</summary>
    public abstract string Name { get; }

    /// <summary>End-of-sentence, padding, unknown and decoder-start ids.</summary>
    public abstract SpecialTokenIds Ids { get; }

    /// <summary>One more than the highest id the tokenizer can give, which the model's embedding must cover.</summary>
    internal abstract int TokenCount { get; }

    /// <summary>The pair a call that names none gets.</summary>
    public abstract LanguagePair DefaultPair { get; }

    /// <summary>Codes of the languages the model reads, in the family's spelling.</summary>
    public abstract IReadOnlyList<string> SourceLanguages { get; }

    /// <summary>Codes of the languages the model writes, in the family's spelling.</summary>
    public abstract IReadOnlyList<string> TargetLanguages { get; }

    /// <summary>The pair a caller names (ISO 639-1 or 639-3 codes, or the family's own; null for the default) in the
    /// family's codes; a language the model does not know is a <see cref="TarjamaException"/>.</summary>
    public LanguagePair Resolve(string? source, string? target) => new(
        source is null ? DefaultPair.Source : FindLanguage(source, SourceLanguages, "source"),
        target is null ? DefaultPair.Target : FindLanguage(target, TargetLanguages, "target"));

    /// <summary>The family's code for a language a caller named, or null when the model has none.</summary>
    protected abstract string? Match(string code, IReadOnlyList<string> known);

    /// <summary>The ISO code a family code stands for (<c>arb_Arab</c> → <c>ar</c>), for callers that speak ISO.</summary>
    public abstract string IsoCode(string familyCode);

    public abstract SourceInput Encode(string text, LanguagePair pair);

    /// <summary>The decoder start token, then the tokens forced before free generation.</summary>
    public abstract int[] DecoderPrefix(LanguagePair pair);

    /// <summary>The pieces the model would write for <paramref name="text"/> after a space (a glossary target), without
    /// special tokens; ids the vocabulary lacks come back as <see cref="SpecialTokenIds.Unk"/>.</summary>
    public abstract int[] EncodeTarget(string text);

    /// <summary>Text of generated ids, special tokens left out.</summary>
    public abstract string Decode(ReadOnlySpan<int> ids);

    /// <summary>The piece an id stands for, to find good places to cut an over-long input.</summary>
    public abstract string? Piece(int id);

    /// <summary>The full model input for <paramref name="text"/> in the default pair.</summary>
    public int[] Encode(string text)
    {
        var input = Encode(text, DefaultPair);
        return input.Frame(input.Pieces);
    }

    private string FindLanguage(string code, IReadOnlyList<string> known, string side) =>
        Match(code.Trim(), known) ?? throw new TarjamaException(
            $"this {Name} model has no {side} language '{code}'; it knows {string.Join(", ", known.Take(24))}{(known.Count > 24 ? $" and {known.Count - 24} more" : "")}");
}
