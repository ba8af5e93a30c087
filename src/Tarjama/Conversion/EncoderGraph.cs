using Tarjama.Conversion.Onnx;
using static Tarjama.Conversion.TransformerBlocks;

namespace Tarjama.Conversion;

/// <summary><c>encoder_model.onnx</c>: <c>input_ids</c>, <c>attention_mask</c> → <c>last_hidden_state</c>.</summary>
internal static class EncoderGraph
{
    public static OnnxGraph Build(Checkpoint checkpoint, ArchitectureConfig config, WeightEncoding encoding)
    {
        var graph = new OnnxGraph("encoder", new ModelWeights());
        var c = new LayerContext(graph, checkpoint, config, encoding);
        const TensorProto.Types.DataType I64 = TensorProto.Types.DataType.Int64;
        var ids = graph.Input("input_ids", I64, "batch_size", "encoder_sequence_length");
        var mask = graph.Input("attention_mask", I64, "batch_size", "encoder_sequence_length");
        var x = Embeddings.Embed(c, ids, decoder: false, graph.Scalar(0));
        var bias = PaddingBias(c, mask);
        for (int i = 0; i < config.EncoderLayers; i++)
        {
            x = Layer(c, x, bias, $"model.encoder.layers.{i}");
        }
        if (config.PreNorm)
        {
            x = LayerNorm(c, x, "model.encoder.layer_norm");
        }
        graph.Output(x, "last_hidden_state", TensorProto.Types.DataType.Float, "batch_size", "encoder_sequence_length", config.DModel);
        return graph;
    }

    private static string Layer(LayerContext c, string x, string bias, string prefix)
    {
        var g = c.Graph;
        int heads = c.Config.EncoderHeads;
        string SelfAttention(string h)
        {
            var (keys, values) = KeysValues(c, h, prefix + ".self_attn", heads);
            return OutProjection(c, Attend(c, Query(c, h, prefix + ".self_attn", heads), keys, values, bias), prefix + ".self_attn");
        }

        if (c.Config.PreNorm)
        {
            x = g.Op("Add", [x, SelfAttention(LayerNorm(c, x, prefix + ".self_attn_layer_norm"))]);
            return g.Op("Add", [x, FeedForward(c, LayerNorm(c, x, prefix + ".final_layer_norm"), prefix, c.Config.EncoderFfn)]);
        }
        x = LayerNorm(c, g.Op("Add", [x, SelfAttention(x)]), prefix + ".self_attn_layer_norm");
        return LayerNorm(c, g.Op("Add", [x, FeedForward(c, x, prefix, c.Config.EncoderFfn)]), prefix + ".final_layer_norm");
    }
}
