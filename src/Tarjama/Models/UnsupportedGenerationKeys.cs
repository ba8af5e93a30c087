using System.Text.Json;

namespace Tarjama.Models;

/// <summary>Refuses a <c>generation_config.json</c> that asks for something the engine does not do and that would
/// change the output (sampling, group beams, minimum lengths, suppressed tokens...), rather than ignoring it.</summary>
internal static class UnsupportedGenerationKeys
{
    // Each key with the values Hugging Face treats as "off"; anything else changes what generate returns.
    private static readonly Dictionary<string, Func<JsonElement, bool>> Neutral = new()
    {
        ["do_sample"] = v => v.ValueKind is JsonValueKind.False or JsonValueKind.Null,
        ["num_beam_groups"] = v => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.Number && v.GetDouble() == 1),
        ["diversity_penalty"] = IsZeroOrNull,
        ["min_length"] = IsZeroOrNull,
        ["min_new_tokens"] = IsZeroOrNull,
        ["encoder_no_repeat_ngram_size"] = IsZeroOrNull,
        ["encoder_repetition_penalty"] = v => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.Number && v.GetDouble() == 1),
        ["suppress_tokens"] = IsEmptyOrNull,
        ["begin_suppress_tokens"] = IsEmptyOrNull,
        ["sequence_bias"] = IsEmptyOrNull,
        ["force_words_ids"] = IsEmptyOrNull,
        ["constraints"] = IsEmptyOrNull,
        ["exponential_decay_length_penalty"] = IsEmptyOrNull,
        ["penalty_alpha"] = IsZeroOrNull,
        ["guidance_scale"] = v => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.Number && v.GetDouble() == 1),
        ["stop_strings"] = IsEmptyOrNull,
        ["max_time"] = v => v.ValueKind == JsonValueKind.Null,
    };

    public static void Check(GenerationConfig config, string path)
    {
        foreach (var (key, value) in config.Other)
        {
            if (Neutral.TryGetValue(key, out var isNeutral) && !isNeutral(value))
            {
                throw new TarjamaException($"{path}: '{key}': {value.GetRawText()} changes the output and is not implemented; remove it or set it to its default");
            }
        }
    }

    private static bool IsZeroOrNull(JsonElement v) => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.Number && v.GetDouble() == 0);

    private static bool IsEmptyOrNull(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Array => v.GetArrayLength() == 0,
        JsonValueKind.Object => !v.EnumerateObject().Any(),
        _ => false,
    };
}
