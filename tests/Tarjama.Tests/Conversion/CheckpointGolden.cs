using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarjama.Tests.Conversion;

/// <summary>What transformers 4.46.3 computed on a fixture checkpoint (tools/convert/make_checkpoints.py).</summary>
internal sealed record CheckpointGolden
{
    [JsonPropertyName("input_ids")] public required long[][] InputIds { get; init; }
    [JsonPropertyName("attention_mask")] public required long[][] AttentionMask { get; init; }
    [JsonPropertyName("decoder_input_ids")] public required long[][] DecoderInputIds { get; init; }
    [JsonPropertyName("logits")] public required float[][][] Logits { get; init; }
    [JsonPropertyName("generate")] public required JsonElement Generate { get; init; }

    public static CheckpointGolden Read(string checkpoint) =>
        JsonSerializer.Deserialize<CheckpointGolden>(File.ReadAllText(Path.Combine(checkpoint, "golden.json")))!;

    public int[][] Inputs => Generate.GetProperty("inputs").Deserialize<int[][]>()!;

    public int MaxNewTokens => Generate.GetProperty("max_new_tokens").GetInt32();

    /// <summary>generate's ids after the decoder start, up to and including end-of-sentence.</summary>
    public int[][] Outputs(int beams, int batchSize) => Generate.GetProperty($"beams{beams}.bs{batchSize}").Deserialize<int[][]>()!;
}
