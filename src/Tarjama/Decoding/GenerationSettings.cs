using System.Text.Json;
using Tarjama.Models;

namespace Tarjama.Decoding;

/// <summary>When beam search stops working on a sentence, as Hugging Face's <c>early_stopping</c> says.</summary>
public enum EarlyStopping
{
    /// <summary><c>false</c>: stop when no open beam can still beat the worst finished one (a heuristic on the current length).</summary>
    Heuristic,
    /// <summary><c>true</c>: stop as soon as <c>num_beams</c> hypotheses are finished.</summary>
    Early,
    /// <summary><c>"never"</c>: like the heuristic, but assuming the longest possible length when the penalty favours length.</summary>
    Never,
}

/// <summary>Command-line or API overrides of <c>generation_config.json</c>; null keeps the model's value.</summary>
public sealed record GenerationOverrides
{
    public int? NumBeams { get; init; }
    public int? MaxNewTokens { get; init; }
    public int? MaxLength { get; init; }
    public float? LengthPenalty { get; init; }
    public EarlyStopping? EarlyStopping { get; init; }
    public int? NoRepeatNgramSize { get; init; }
    public float? RepetitionPenalty { get; init; }
    /// <summary>Hypotheses returned per input (n-best), at most the beam count.</summary>
    public int? NumReturnSequences { get; init; }

    /// <summary>These overrides, with <paramref name="fallback"/>'s where these have none.</summary>
    public GenerationOverrides Over(GenerationOverrides fallback) => new()
    {
        NumBeams = NumBeams ?? fallback.NumBeams,
        MaxNewTokens = MaxNewTokens ?? (MaxLength is null ? fallback.MaxNewTokens : null),
        MaxLength = MaxLength ?? (MaxNewTokens is null ? fallback.MaxLength : null),
        LengthPenalty = LengthPenalty ?? fallback.LengthPenalty,
        EarlyStopping = EarlyStopping ?? fallback.EarlyStopping,
        NoRepeatNgramSize = NoRepeatNgramSize ?? fallback.NoRepeatNgramSize,
        RepetitionPenalty = RepetitionPenalty ?? fallback.RepetitionPenalty,
        NumReturnSequences = NumReturnSequences ?? fallback.NumReturnSequences,
    };
}

/// <summary>The decoding rules in force: the model's generation config with overrides applied, lengths counted as
/// Hugging Face counts them (the decoder start token included).</summary>
public sealed record GenerationSettings
{
    private const int HuggingFaceDefaultMaxLength = 20;
    private const int MostBeams = 64;
    private const int LongestOutput = 4096;

    public int NumBeams { get; init; } = 1;
    /// <summary>Most tokens in a decoder sequence, the decoder start token included.</summary>
    public int MaxLength { get; init; } = HuggingFaceDefaultMaxLength;
    public float LengthPenalty { get; init; } = 1f;
    public EarlyStopping EarlyStopping { get; init; } = EarlyStopping.Heuristic;
    public int NoRepeatNgramSize { get; init; }
    public float RepetitionPenalty { get; init; } = 1f;
    public IReadOnlyList<int[]> BadWordsIds { get; init; } = [];
    public int? ForcedEosTokenId { get; init; }
    public bool RenormalizeLogits { get; init; }
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];
    public int DecoderStartTokenId { get; init; }
    /// <summary>Hypotheses returned per input, best first.</summary>
    public int NumReturnSequences { get; init; } = 1;

    public static GenerationSettings From(GenerationConfig config, int eos, int decoderStart, GenerationOverrides? overrides = null)
    {
        overrides ??= new GenerationOverrides();
        var eosIds = GenerationConfig.IdList(config.EosTokenId);
        int? maxNewTokens = overrides.MaxNewTokens ?? (overrides.MaxLength is null ? config.MaxNewTokens : null);
        if (maxNewTokens is < 1 or >= LongestOutput)
        {
            // Checked before the start token is added: int.MaxValue + 1 would wrap round to a negative length.
            throw new TarjamaException($"max new tokens must be between 1 and {LongestOutput - 1} (got {maxNewTokens})");
        }
        int maxLength = maxNewTokens is int newTokens ? newTokens + 1 : overrides.MaxLength ?? config.MaxLength ?? HuggingFaceDefaultMaxLength;
        var settings = new GenerationSettings
        {
            NumBeams = overrides.NumBeams ?? config.NumBeams ?? 1,
            MaxLength = maxLength,
            LengthPenalty = overrides.LengthPenalty ?? config.LengthPenalty ?? 1f,
            EarlyStopping = overrides.EarlyStopping ?? ParseEarlyStopping(config.EarlyStopping),
            NoRepeatNgramSize = overrides.NoRepeatNgramSize ?? config.NoRepeatNgramSize ?? 0,
            RepetitionPenalty = overrides.RepetitionPenalty ?? config.RepetitionPenalty ?? 1f,
            BadWordsIds = config.BadWordsIds ?? [],
            ForcedEosTokenId = GenerationConfig.IdList(config.ForcedEosTokenId) is [int forced, ..] ? forced : null,
            RenormalizeLogits = config.RenormalizeLogits ?? false,
            EosTokenIds = eosIds.Length > 0 ? eosIds : [eos],
            DecoderStartTokenId = decoderStart,
            NumReturnSequences = overrides.NumReturnSequences ?? config.NumReturnSequences ?? 1,
        };
        settings.Validate();
        return settings;
    }

    private void Validate()
    {
        if (NumBeams is < 1 or > MostBeams)
        {
            throw new TarjamaException($"beams must be between 1 and {MostBeams} (got {NumBeams})");
        }
        if (NumReturnSequences < 1 || NumReturnSequences > NumBeams)
        {
            throw new TarjamaException($"n-best must be between 1 and the beam count {NumBeams} (got {NumReturnSequences})");
        }
        if (MaxLength is < 2 or > LongestOutput)
        {
            throw new TarjamaException($"max length must leave room for at least one new token and be at most {LongestOutput} (got {MaxLength})");
        }
        // NaN passes every comparison, so the checks ask for what is wanted rather than refuse what is not.
        if (!(float.IsFinite(RepetitionPenalty) && RepetitionPenalty > 0))
        {
            throw new TarjamaException($"repetition penalty must be a positive number (got {RepetitionPenalty})");
        }
        if (!float.IsFinite(LengthPenalty))
        {
            throw new TarjamaException($"length penalty must be a finite number (got {LengthPenalty})");
        }
        if (NoRepeatNgramSize < 0)
        {
            throw new TarjamaException($"no-repeat n-gram size cannot be negative (got {NoRepeatNgramSize})");
        }
    }

    private static EarlyStopping ParseEarlyStopping(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => EarlyStopping.Early,
        { ValueKind: JsonValueKind.String } s when s.GetString() == "never" => EarlyStopping.Never,
        null or { ValueKind: JsonValueKind.False or JsonValueKind.Null } => EarlyStopping.Heuristic,
        { } other => throw new TarjamaException($"early_stopping takes true, false or \"never\" (got {other.GetRawText()})"),
    };
}
