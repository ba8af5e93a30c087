using Tarjama.Conversion.Onnx;

namespace Tarjama.Conversion;

/// <summary>What every layer builder needs: the graph being built, the checkpoint, its config and the dtype's encoding.</summary>
internal sealed record LayerContext(OnnxGraph Graph, Checkpoint Checkpoint, ArchitectureConfig Config, WeightEncoding Encoding)
{
    public LayerContext In(OnnxGraph graph) => this with { Graph = graph };
}

/// <summary>The pieces a Transformer layer is made of, each as transformers computes it.</summary>
internal static class TransformerBlocks
{
    private const float LayerNormEpsilon = 1e-5f;

    // transformers masks with the lowest float32; adding it twice would give -inf, so masks never add to each other.
    private const float MaskValue = float.MinValue;

    public static string CheckActivation(string name, string path) => name switch
    {
        "relu" or "swish" or "silu" or "gelu" or "gelu_new" => name,
        _ => throw new TarjamaException($"{path}: activation_function '{name}' is not one the converter knows (relu, swish, silu, gelu, gelu_new)"),
    };

    /// <summary>PyTorch's Linear: <c>x · Wᵀ + b</c>, the weight checked against the shape the config implies.</summary>
    public static string Linear(LayerContext c, string x, string prefix, long inputs, long outputs)
    {
        var weight = c.Checkpoint.Get([outputs, inputs], prefix + ".weight");
        var bias = c.Checkpoint.Get([outputs], prefix + ".bias");
        return c.Graph.Op("Add", [c.Encoding.MatMul(c.Graph, x, weight), WeightEncoding.Float32(c.Graph, bias)]);
    }

    public static string LayerNorm(LayerContext c, string x, string prefix)
    {
        long d = c.Config.DModel;
        var scale = WeightEncoding.Float32(c.Graph, c.Checkpoint.Get([d], prefix + ".weight"));
        var bias = WeightEncoding.Float32(c.Graph, c.Checkpoint.Get([d], prefix + ".bias"));
        return c.Graph.Op("LayerNormalization", [x, scale, bias], ("axis", -1L), ("epsilon", LayerNormEpsilon));
    }

    public static string Activation(LayerContext c, string x)
    {
        var g = c.Graph;
        return c.Config.Activation switch
        {
            "relu" => g.Op("Relu", [x]),
            "swish" or "silu" => g.Op("Mul", [x, g.Op("Sigmoid", [x])]),
            // Exact GELU, x·Φ(x), as torch.nn.functional.gelu.
            "gelu" => g.Op("Mul", [g.Op("Mul", [x, g.Float(0.5f)]), g.Op("Add", [g.Float(1f), g.Op("Erf", [g.Op("Div", [x, g.Float(MathF.Sqrt(2f))])])])]),
            // The tanh approximation (transformers' NewGELUActivation).
            _ => g.Op("Mul", [g.Op("Mul", [x, g.Float(0.5f)]), g.Op("Add", [g.Float(1f), g.Op("Tanh", [g.Op("Mul", [g.Float(MathF.Sqrt(2f / MathF.PI)),
                g.Op("Add", [x, g.Op("Mul", [g.Float(0.044715f), g.Op("Mul", [x, g.Op("Mul", [x, x])])])])])])])]),
        };
    }

    public static string FeedForward(LayerContext c, string x, string prefix, long ffn)
    {
        long d = c.Config.DModel;
        var hidden = Activation(c, Linear(c, x, prefix + ".fc1", d, ffn));
        return Linear(c, hidden, prefix + ".fc2", ffn, d);
    }

    /// <summary><c>[batch, length, d]</c> to <c>[batch, heads, length, head_dim]</c>.</summary>
    public static string SplitHeads(LayerContext c, string x, int heads)
    {
        var g = c.Graph;
        var shaped = g.Op("Reshape", [x, g.Vector(0, 0, heads, c.Config.DModel / heads)]);
        return g.Op("Transpose", [shaped], ("perm", new long[] { 0, 2, 1, 3 }));
    }

    /// <summary>Scaled dot-product attention of <c>[batch, heads, *, head_dim]</c> tensors, back to <c>[batch, length, d]</c>.</summary>
    public static string Attend(LayerContext c, string query, string keys, string values, string? bias)
    {
        var g = c.Graph;
        var scores = g.Op("MatMul", [query, g.Op("Transpose", [keys], ("perm", new long[] { 0, 1, 3, 2 }))]);
        var probabilities = g.Op("Softmax", [bias is null ? scores : g.Op("Add", [scores, bias])], ("axis", -1L));
        var context = g.Op("Transpose", [g.Op("MatMul", [probabilities, values])], ("perm", new long[] { 0, 2, 1, 3 }));
        return g.Op("Reshape", [context, g.Vector(0, 0, c.Config.DModel)]);
    }

    /// <summary>The query projection, scaled by 1/√head_dim after its bias as transformers does.</summary>
    public static string Query(LayerContext c, string x, string prefix, int heads)
    {
        long d = c.Config.DModel;
        var scaled = c.Graph.Op("Mul", [Linear(c, x, prefix + ".q_proj", d, d), c.Graph.Float(1f / MathF.Sqrt(d / heads))]);
        return SplitHeads(c, scaled, heads);
    }

    public static (string Key, string Value) KeysValues(LayerContext c, string x, string prefix, int heads)
    {
        long d = c.Config.DModel;
        return (SplitHeads(c, Linear(c, x, prefix + ".k_proj", d, d), heads), SplitHeads(c, Linear(c, x, prefix + ".v_proj", d, d), heads));
    }

    public static string OutProjection(LayerContext c, string x, string prefix) =>
        Linear(c, x, prefix + ".out_proj", c.Config.DModel, c.Config.DModel);

    /// <summary>An int64 <c>[batch, source]</c> mask as an additive <c>[batch, 1, 1, source]</c> bias: 0 or the lowest float.</summary>
    public static string PaddingBias(LayerContext c, string mask)
    {
        var g = c.Graph;
        var inverted = g.Op("Sub", [g.Float(1f), g.Op("Cast", [mask], ("to", (long)TensorProto.Types.DataType.Float))]);
        return g.Op("Unsqueeze", [g.Op("Mul", [inverted, g.Float(MaskValue)]), g.Vector(1, 2)]);
    }

    /// <summary>The causal bias <c>[length, past + length]</c>: position i of the new tokens sees keys up to past + i.</summary>
    public static string CausalBias(LayerContext c, string pastLength, string length)
    {
        var g = c.Graph;
        var total = g.Op("Add", [pastLength, length]);
        var queries = g.Op("Unsqueeze", [g.Op("Range", [pastLength, total, g.Scalar(1)]), g.Vector(1)]);
        var keys = g.Op("Range", [g.Scalar(0), total, g.Scalar(1)]);
        return g.Op("Where", [g.Op("Greater", [keys, queries]), g.Float(MaskValue), g.Float(0f)]);
    }

    /// <summary>A dimension of a tensor as an int64 scalar.</summary>
    public static string Dimension(LayerContext c, string x, int axis)
    {
        var g = c.Graph;
        return g.Op("Squeeze", [g.Op("Shape", [x], ("start", (long)axis), ("end", (long)axis + 1)), g.Vector(0)]);
    }
}
