using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarjama.Models;

/// <summary><c>generation_config.json</c> as Hugging Face writes it; every field optional.</summary>
public sealed record GenerationConfig
{
    [JsonPropertyName("max_length")] public int? MaxLength { get; init; }
    [JsonPropertyName("max_new_tokens")] public int? MaxNewTokens { get; init; }
    [JsonPropertyName("num_beams")] public int? NumBeams { get; init; }
    [JsonPropertyName("length_penalty")] public float? LengthPenalty { get; init; }
    [JsonPropertyName("early_stopping")] public JsonElement? EarlyStopping { get; init; }
    [JsonPropertyName("no_repeat_ngram_size")] public int? NoRepeatNgramSize { get; init; }
    [JsonPropertyName("repetition_penalty")] public float? RepetitionPenalty { get; init; }
    [JsonPropertyName("bad_words_ids")] public int[][]? BadWordsIds { get; init; }
    [JsonPropertyName("forced_eos_token_id")] public JsonElement? ForcedEosTokenId { get; init; }
    [JsonPropertyName("renormalize_logits")] public bool? RenormalizeLogits { get; init; }
    [JsonPropertyName("eos_token_id")] public JsonElement? EosTokenId { get; init; }
    [JsonPropertyName("pad_token_id")] public int? PadTokenId { get; init; }
    [JsonPropertyName("decoder_start_token_id")] public int? DecoderStartTokenId { get; init; }
    [JsonPropertyName("num_return_sequences")] public int? NumReturnSequences { get; init; }
    [JsonPropertyName("forced_bos_token_id")] public int? ForcedBosTokenId { get; init; }

    /// <summary>Every other key, checked by <see cref="UnsupportedGenerationKeys"/>.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement> Other { get; init; } = [];

    public static GenerationConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            return new GenerationConfig();
        }
        var config = ModelJson.Read<GenerationConfig>(path);
        UnsupportedGenerationKeys.Check(config, path);
        foreach (var (key, value) in new[] { ("eos_token_id", config.EosTokenId), ("forced_eos_token_id", config.ForcedEosTokenId) })
        {
            if (!AreIds(value))
            {
                throw new TarjamaException($"{path}: {key} takes a token id or a list of them (got {value?.GetRawText()})");
            }
        }
        try
        {
            // Its settings on their own, so that a bad value is reported with the file it is in.
            Decoding.GenerationSettings.From(config, eos: 0, decoderStart: 0);
        }
        catch (TarjamaException e)
        {
            throw new TarjamaException($"{path}: {e.Message}", e);
        }
        return config;
    }

    // What IdList reads without failing: nothing, null, a whole number or a list of whole numbers.
    private static bool AreIds(JsonElement? element) => element switch
    {
        null or { ValueKind: JsonValueKind.Null } => true,
        { ValueKind: JsonValueKind.Number } e => e.TryGetInt32(out _),
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out _)),
        _ => false,
    };

    /// <summary>Reads a field that may be a number or a list of numbers (eos ids can be either).</summary>
    internal static int[] IdList(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } e => [e.GetInt32()],
        { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => x.GetInt32()).ToArray(),
        _ => [],
    };
}
