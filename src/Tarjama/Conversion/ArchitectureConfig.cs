using System.Text.Json;

namespace Tarjama.Conversion;

/// <summary>The two checkpoint families the converter knows.</summary>
internal enum ArchitectureFamily
{
    /// <summary><c>MarianMTModel</c>: post-LayerNorm, static sinusoidal positions, <c>final_logits_bias</c>.</summary>
    Marian,

    /// <summary><c>M2M100ForConditionalGeneration</c> (M2M100, NLLB): pre-LayerNorm with final norms, positions offset by pad.</summary>
    M2M100,
}

/// <summary>What a checkpoint's <c>config.json</c> says about the network's shape, read as transformers reads it.</summary>
internal sealed record ArchitectureConfig
{
    public static readonly IReadOnlyDictionary<string, ArchitectureFamily> Architectures = new Dictionary<string, ArchitectureFamily>
    {
        ["MarianMTModel"] = ArchitectureFamily.Marian,
        ["M2M100ForConditionalGeneration"] = ArchitectureFamily.M2M100,
    };

    public required ArchitectureFamily Family { get; init; }
    public required int DModel { get; init; }
    public required int EncoderLayers { get; init; }
    public required int DecoderLayers { get; init; }
    public required int EncoderHeads { get; init; }
    public required int DecoderHeads { get; init; }
    public required int EncoderFfn { get; init; }
    public required int DecoderFfn { get; init; }
    public required string Activation { get; init; }
    public required bool ScaleEmbedding { get; init; }
    public required int VocabSize { get; init; }

    /// <summary>The target vocabulary: Marian's <c>decoder_vocab_size</c> when its vocabularies are separate.</summary>
    public required int DecoderVocabSize { get; init; }

    public required bool SharedEmbeddings { get; init; }
    public required bool TiedOutput { get; init; }
    public required int PadTokenId { get; init; }
    public required int MaxPositions { get; init; }

    public bool PreNorm => Family == ArchitectureFamily.M2M100;

    public float EmbedScale => ScaleEmbedding ? MathF.Sqrt(DModel) : 1f;

    public static ArchitectureConfig Load(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TarjamaException($"{path}: not valid JSON ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new TarjamaException($"{path}: cannot be read ({e.Message})", e);
        }

        var architecture = root.TryGetProperty("architectures", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? list[0].GetString() ?? ""
            : Str(root, "model_type", "") switch { "marian" => "MarianMTModel", "m2m_100" or "m2m100" => "M2M100ForConditionalGeneration", var t => $"model_type '{t}'" };
        if (!Architectures.TryGetValue(architecture, out var family))
        {
            throw new TarjamaException($"{path}: architecture {architecture} cannot be converted; the converter knows {string.Join(", ", Architectures.Keys)}");
        }

        int vocab = Int(root, "vocab_size", path);
        bool shared = family == ArchitectureFamily.M2M100 || Bool(root, "share_encoder_decoder_embeddings", true);
        var config = new ArchitectureConfig
        {
            Family = family,
            DModel = Int(root, "d_model", path),
            EncoderLayers = Int(root, "encoder_layers", path),
            DecoderLayers = Int(root, "decoder_layers", path),
            EncoderHeads = Int(root, "encoder_attention_heads", path),
            DecoderHeads = Int(root, "decoder_attention_heads", path),
            EncoderFfn = Int(root, "encoder_ffn_dim", path),
            DecoderFfn = Int(root, "decoder_ffn_dim", path),
            Activation = Str(root, "activation_function", family == ArchitectureFamily.Marian ? "gelu" : "relu"),
            ScaleEmbedding = Bool(root, "scale_embedding", false),
            VocabSize = vocab,
            DecoderVocabSize = family == ArchitectureFamily.Marian && root.TryGetProperty("decoder_vocab_size", out var dv) && dv.ValueKind == JsonValueKind.Number ? dv.GetInt32() : vocab,
            SharedEmbeddings = shared,
            TiedOutput = Bool(root, "tie_word_embeddings", true),
            PadTokenId = Int(root, "pad_token_id", path, least: 0),
            MaxPositions = Int(root, "max_position_embeddings", path),
        };
        config.Check(path);
        return config;
    }

    private void Check(string path)
    {
        if (DModel % EncoderHeads != 0 || DModel % DecoderHeads != 0)
        {
            throw new TarjamaException($"{path}: d_model {DModel} is not a multiple of the attention heads ({EncoderHeads}, {DecoderHeads})");
        }
        if (SharedEmbeddings && DecoderVocabSize != VocabSize)
        {
            throw new TarjamaException($"{path}: shared embeddings need decoder_vocab_size ({DecoderVocabSize}) equal to vocab_size ({VocabSize})");
        }
        if (PadTokenId < 0 || PadTokenId >= VocabSize)
        {
            throw new TarjamaException($"{path}: pad_token_id {PadTokenId} is outside the vocabulary of {VocabSize}");
        }
        _ = TransformerBlocks.CheckActivation(Activation, path);
    }

    private static int Int(JsonElement root, string name, string path, int least = 1)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= least && number <= 10_000_000)
        {
            return number;
        }
        throw new TarjamaException($"{path}: {name} must be a whole number from {least} to 10000000 (it is {(value.ValueKind == JsonValueKind.Undefined ? "missing" : value.ToString())})");
    }

    private static bool Bool(JsonElement root, string name, bool fallback) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    private static string Str(JsonElement root, string name, string fallback) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;
}
