using Tarjama.Conversion.Onnx;
using static Tarjama.Conversion.TransformerBlocks;

namespace Tarjama.Conversion;

/// <summary>One decoder step's outputs: logits and, per layer, the self- and cross-attention keys and values.</summary>
internal sealed record DecoderOutputs(string Logits, (string Key, string Value)[] Self, (string Key, string Value)[] Cross);

/// <summary>
/// <c>decoder_model_merged.onnx</c> in Optimum's form: inputs <c>encoder_attention_mask</c>, <c>input_ids</c>,
/// <c>encoder_hidden_states</c>, <c>past_key_values.{i}.{decoder,encoder}.{key,value}</c>, <c>use_cache_branch</c>;
/// an <c>If</c> runs the first step (cross-attention keys from the encoder) or a cached step (all keys from the past);
/// outputs <c>logits</c> and <c>present.*</c>. The two branches share the weights, which sit in the top graph.
/// </summary>
internal static class DecoderGraph
{
    private const TensorProto.Types.DataType F32 = TensorProto.Types.DataType.Float;

    public static OnnxGraph BuildMerged(Checkpoint checkpoint, ArchitectureConfig config, WeightEncoding encoding)
    {
        var root = new OnnxGraph("decoder", new ModelWeights());
        var c = new LayerContext(root, checkpoint, config, encoding);
        int heads = config.DecoderHeads, headSize = config.DModel / heads;
        var mask = root.Input("encoder_attention_mask", TensorProto.Types.DataType.Int64, "batch_size", "encoder_sequence_length");
        var ids = root.Input("input_ids", TensorProto.Types.DataType.Int64, "batch_size", "decoder_sequence_length");
        var hidden = root.Input("encoder_hidden_states", F32, "batch_size", "encoder_sequence_length", config.DModel);
        var pastSelf = new (string, string)[config.DecoderLayers];
        var pastCross = new (string, string)[config.DecoderLayers];
        for (int i = 0; i < config.DecoderLayers; i++)
        {
            string Past(string kind, string part, string length) =>
                root.Input($"past_key_values.{i}.{kind}.{part}", F32, "batch_size", heads, length, headSize);
            pastSelf[i] = (Past("decoder", "key", "past_decoder_sequence_length"), Past("decoder", "value", "past_decoder_sequence_length"));
            pastCross[i] = (Past("encoder", "key", "encoder_sequence_length_out"), Past("encoder", "value", "encoder_sequence_length_out"));
        }
        var useCache = root.Input("use_cache_branch", TensorProto.Types.DataType.Bool, 1);
        var bias = PaddingBias(c, mask);

        var withPast = new OnnxGraph("with_past", root.Weights, root);
        var cached = Step(c.In(withPast), ids, bias, hidden: null, pastSelf, pastCross);
        // The cached branch's cross-attention outputs are empty, as Optimum's merge makes them: callers keep the first step's.
        var empty = withPast.Weights.EmptyFloats(0, heads, 1, headSize);
        BranchOutputs(withPast, cached with { Cross = [.. cached.Cross.Select(_ => (empty, empty))] });

        var firstStep = new OnnxGraph("no_past", root.Weights, root);
        BranchOutputs(firstStep, Step(c.In(firstStep), ids, bias, hidden, pastSelf: null, pastCross: null));

        var names = OutputNames(config.DecoderLayers);
        root.Named("If", [useCache], names, ("then_branch", withPast.ToProto()), ("else_branch", firstStep.ToProto()));
        // Declared shapes as Optimum's merge declares them (onnx.checker wants one on every graph output); the cached
        // branch's empty cross-attention outputs fit them, since the dimensions are symbolic.
        root.Output(names[0], names[0], F32, "batch_size", "decoder_sequence_length", config.DecoderVocabSize);
        foreach (var name in names.Skip(1))
        {
            root.Output(name, name, F32, "batch_size", heads, name.Contains(".decoder.", StringComparison.Ordinal) ? "present_decoder_sequence_length" : "encoder_sequence_length_out", headSize);
        }
        return root;
    }

    /// <summary>Optimum's output order: logits, then per layer the self then the cross key and value.</summary>
    private static List<string> OutputNames(int layers)
    {
        List<string> names = ["logits"];
        for (int i = 0; i < layers; i++)
        {
            names.AddRange([$"present.{i}.decoder.key", $"present.{i}.decoder.value", $"present.{i}.encoder.key", $"present.{i}.encoder.value"]);
        }
        return names;
    }

    private static void BranchOutputs(OnnxGraph branch, DecoderOutputs outputs)
    {
        var values = new List<string> { outputs.Logits };
        for (int i = 0; i < outputs.Self.Length; i++)
        {
            values.AddRange([outputs.Self[i].Key, outputs.Self[i].Value, outputs.Cross[i].Key, outputs.Cross[i].Value]);
        }
        var names = OutputNames(outputs.Self.Length);
        for (int i = 0; i < values.Count; i++)
        {
            branch.Output(values[i], $"{branch.Name}.{names[i]}", F32);
        }
    }

    /// <summary>The decoder over new tokens, given either the encoder's states (first step) or the caches (later steps).</summary>
    public static DecoderOutputs Step(LayerContext c, string ids, string encoderBias, string? hidden, (string Key, string Value)[]? pastSelf, (string Key, string Value)[]? pastCross)
    {
        var g = c.Graph;
        var config = c.Config;
        int heads = config.DecoderHeads;
        var pastLength = pastSelf is null ? g.Scalar(0) : Dimension(c, pastSelf[0].Key, 2);
        var x = Embeddings.Embed(c, ids, decoder: true, pastLength);
        var causal = CausalBias(c, pastLength, Dimension(c, ids, 1));
        var self = new (string, string)[config.DecoderLayers];
        var cross = new (string, string)[config.DecoderLayers];
        for (int i = 0; i < config.DecoderLayers; i++)
        {
            string prefix = $"model.decoder.layers.{i}";
            string SelfAttention(string h)
            {
                var (keys, values) = KeysValues(c, h, prefix + ".self_attn", heads);
                if (pastSelf is not null)
                {
                    keys = g.Op("Concat", [pastSelf[i].Key, keys], ("axis", 2L));
                    values = g.Op("Concat", [pastSelf[i].Value, values], ("axis", 2L));
                }
                self[i] = (keys, values);
                return OutProjection(c, Attend(c, Query(c, h, prefix + ".self_attn", heads), keys, values, causal), prefix + ".self_attn");
            }
            string CrossAttention(string h)
            {
                cross[i] = pastCross is null ? KeysValues(c, hidden!, prefix + ".encoder_attn", heads) : pastCross[i];
                return OutProjection(c, Attend(c, Query(c, h, prefix + ".encoder_attn", heads), cross[i].Item1, cross[i].Item2, encoderBias), prefix + ".encoder_attn");
            }

            if (config.PreNorm)
            {
                x = g.Op("Add", [x, SelfAttention(LayerNorm(c, x, prefix + ".self_attn_layer_norm"))]);
                x = g.Op("Add", [x, CrossAttention(LayerNorm(c, x, prefix + ".encoder_attn_layer_norm"))]);
                x = g.Op("Add", [x, FeedForward(c, LayerNorm(c, x, prefix + ".final_layer_norm"), prefix, config.DecoderFfn)]);
            }
            else
            {
                x = LayerNorm(c, g.Op("Add", [x, SelfAttention(x)]), prefix + ".self_attn_layer_norm");
                x = LayerNorm(c, g.Op("Add", [x, CrossAttention(x)]), prefix + ".encoder_attn_layer_norm");
                x = LayerNorm(c, g.Op("Add", [x, FeedForward(c, x, prefix, config.DecoderFfn)]), prefix + ".final_layer_norm");
            }
        }
        if (config.PreNorm)
        {
            x = LayerNorm(c, x, "model.decoder.layer_norm");
        }
        return new DecoderOutputs(Logits(c, x), self, cross);
    }

    /// <summary>The output projection (tied to the decoder's embedding unless the checkpoint has its own) plus Marian's final_logits_bias.</summary>
    private static string Logits(LayerContext c, string x)
    {
        var g = c.Graph;
        var config = c.Config;
        long vocab = config.DecoderVocabSize;
        var own = c.Checkpoint.Find("lm_head.weight");
        string logits;
        if (own is null && c.Encoding.ReusesTablesForTiedOutput)
        {
            var table = Embeddings.Table(c, decoder: true);
            CheckRows(c, table, vocab);
            var tableValue = c.Encoding.Table(g, table);
            logits = g.Op("MatMul", [x, g.Root.Prepared(tableValue + "_T", root => root.Op("Transpose", [tableValue], ("perm", new long[] { 1, 0 })))]);
        }
        else
        {
            var weight = own ?? Embeddings.Table(c, decoder: true);
            CheckRows(c, weight, vocab);
            logits = c.Encoding.MatMul(g, x, weight);
        }
        return config.Family == ArchitectureFamily.Marian
            ? g.Op("Add", [logits, WeightEncoding.Float32(g, c.Checkpoint.Get([1, vocab], "final_logits_bias"))])
            : logits;
    }

    private static void CheckRows(LayerContext c, CheckpointTensor weight, long vocab)
    {
        if (weight.Shape.Length != 2 || weight.Shape[0] != vocab || weight.Shape[1] != c.Config.DModel)
        {
            throw new TarjamaException($"{c.Checkpoint.Folder}: output projection '{weight.Name}' has shape [{string.Join(", ", weight.Shape)}] but config.json implies [{vocab}, {c.Config.DModel}]");
        }
    }
}
