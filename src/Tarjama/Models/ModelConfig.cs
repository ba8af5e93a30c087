using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tarjama.Models;

/// <summary>The parts of a Marian <c>config.json</c> the engine needs.</summary>
public sealed record ModelConfig
{
    private const int MinPositions = 4;

    [JsonPropertyName("model_type")] public string ModelType { get; init; } = "";
    [JsonPropertyName("d_model")] public int DModel { get; init; }
    [JsonPropertyName("encoder_layers")] public int EncoderLayers { get; init; }
    [JsonPropertyName("decoder_layers")] public int DecoderLayers { get; init; }
    [JsonPropertyName("decoder_attention_heads")] public int DecoderAttentionHeads { get; init; }
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; }
    [JsonPropertyName("max_position_embeddings")] public int MaxPositionEmbeddings { get; init; } = 512;
    [JsonPropertyName("eos_token_id")] public int? EosTokenId { get; init; }
    [JsonPropertyName("pad_token_id")] public int? PadTokenId { get; init; }
    [JsonPropertyName("decoder_start_token_id")] public int? DecoderStartTokenId { get; init; }
    /// <summary>Marian models with a separate target vocabulary (target_vocab.json).</summary>
    [JsonPropertyName("separate_vocabs")] public bool SeparateVocabs { get; init; }

    public static ModelConfig Load(string path)
    {
        var config = ModelJson.Read<ModelConfig>(path);
        if (config.DecoderLayers <= 0 || config.DecoderAttentionHeads <= 0 || config.DModel <= 0)
        {
            throw new TarjamaException($"{path}: needs d_model, decoder_layers and decoder_attention_heads");
        }
        if (config.MaxPositionEmbeddings < MinPositions)
        {
            // Long inputs are cut into windows of this many tokens less the language and end tokens framing them.
            throw new TarjamaException($"{path}: max_position_embeddings {config.MaxPositionEmbeddings} leaves no room for an input (at least {MinPositions})");
        }
        if (config.DModel % config.DecoderAttentionHeads != 0)
        {
            throw new TarjamaException($"{path}: d_model {config.DModel} is not a multiple of decoder_attention_heads {config.DecoderAttentionHeads}");
        }
        return config;
    }
}

/// <summary>Reads the JSON files of a model folder with errors that name the file.</summary>
internal static class ModelJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static T Read<T>(string path)
    {
        string text = ModelFileReader.Read(path, File.ReadAllText);
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new TarjamaException($"{path}: empty JSON document");
        }
        catch (JsonException e)
        {
            throw new TarjamaException($"{path}: not valid JSON ({e.Message})", e);
        }
    }
}
