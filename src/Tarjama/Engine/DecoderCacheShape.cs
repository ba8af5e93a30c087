using Microsoft.ML.OnnxRuntime;
using Tarjama.Models;

namespace Tarjama.Engine;

/// <summary>Compares the decoder graph's key/value cache inputs with config.json's layers, heads and d_model, which
/// the engine sizes the cache by: a config from another model would otherwise fail at the first translation with
/// ONNX Runtime's own error (a missing <c>present.N</c> output, a shape it cannot merge).</summary>
internal static class DecoderCacheShape
{
    public static void Check(string graph, IReadOnlyDictionary<string, NodeMetadata> inputs, ModelConfig config, string configPath)
    {
        int layers = 0;
        while (inputs.ContainsKey($"past_key_values.{layers}.decoder.key"))
        {
            layers++;
        }
        int heads = config.DecoderAttentionHeads, headSize = config.DModel / heads;
        // Heads and head size are fixed numbers in Optimum's exports; a symbolic one (-1) is not compared.
        int[] dims = layers > 0 ? inputs["past_key_values.0.decoder.key"].Dimensions : [];
        bool shapeDiffers = dims.Length == 4 && ((dims[1] > 0 && dims[1] != heads) || (dims[3] > 0 && dims[3] != headSize));
        if (layers != config.DecoderLayers || shapeDiffers)
        {
            string graphShape = dims.Length == 4 ? $", {dims[1]} heads of size {dims[3]}" : "";
            throw new TarjamaException(
                $"{graph}: the graph has {layers} decoder layers{graphShape}, but {configPath} says {config.DecoderLayers}, {heads} heads of size {headSize} (decoder_layers, decoder_attention_heads, d_model): the config and the ONNX files do not belong together");
        }
    }
}
