using Tarjama.Conversion.Onnx;
using Tarjama.Engine;
using Tarjama.Models;

namespace Tarjama.Conversion;

/// <summary>
/// How one output dtype stores a weight and multiplies by it. Embedding tables, norms and biases are read by the
/// other pieces through <see cref="Table"/>; linear layers through <see cref="MatMul"/>.
/// </summary>
internal abstract class WeightEncoding
{
    public static IReadOnlyList<ModelDtype> Supported { get; } = [ModelDtype.Fp32, ModelDtype.Fp16, ModelDtype.Int8, ModelDtype.Q4];

    public static WeightEncoding For(ModelDtype dtype) => dtype switch
    {
        ModelDtype.Fp32 => new Float32Weights(),
        ModelDtype.Fp16 => new Float16Weights(),
        ModelDtype.Int8 => new Int8Weights(),
        ModelDtype.Q4 => new Q4Weights(),
        _ => throw new TarjamaException($"the converter writes dtypes {string.Join(", ", Supported.Select(d => d.Name()))}, not {dtype.Name()}"),
    };

    /// <summary>Whether a tied output projection multiplies by the embedding table itself (transposed once when
    /// loading) rather than by its own encoded copy.</summary>
    public virtual bool ReusesTablesForTiedOutput => false;

    /// <summary><c>x · Wᵀ</c> for a weight stored <c>[out, in]</c>, as PyTorch's Linear keeps it.</summary>
    public abstract string MatMul(OnnxGraph graph, string x, CheckpointTensor weight);

    /// <summary>A tensor used as it is (embedding table, position table): float32 in the graph, however stored.</summary>
    public virtual string Table(OnnxGraph graph, CheckpointTensor tensor) => Float32(graph, tensor);

    /// <summary>A small tensor kept float32 whatever the dtype: norms, biases, <c>final_logits_bias</c>.</summary>
    public static string Float32(OnnxGraph graph, CheckpointTensor tensor) =>
        graph.Weights.Get(tensor.Name, name => new InitializerData(name, TensorProto.Types.DataType.Float, tensor.Shape, tensor.Elements * 4,
            WeightWriters.AsStored(tensor, 4, WeightWriters.Float32)));

    /// <summary>Stored float16, turned to float32 once in the root graph (ONNX Runtime folds the Cast when loading).</summary>
    protected static string Float16Table(OnnxGraph graph, CheckpointTensor tensor)
    {
        var stored = graph.Weights.Get(tensor.Name + "_fp16", name => new InitializerData(name, TensorProto.Types.DataType.Float16, tensor.Shape, tensor.Elements * 2,
            WeightWriters.AsStored(tensor, 2, WeightWriters.Float16)));
        return graph.Root.Prepared(stored + "_as_fp32", root => root.Op("Cast", [stored], ("to", (long)TensorProto.Types.DataType.Float)));
    }
}

/// <summary>fp32: every weight as float32, linear weights transposed for MatMul.</summary>
internal sealed class Float32Weights : WeightEncoding
{
    public override bool ReusesTablesForTiedOutput => true;

    public override string MatMul(OnnxGraph graph, string x, CheckpointTensor weight)
    {
        var b = graph.Weights.Get(weight.Name + "_T", name => new InitializerData(name, TensorProto.Types.DataType.Float, [weight.Columns, weight.Rows], weight.Elements * 4,
            WeightWriters.Transposed(weight, 4, WeightWriters.Float32)));
        return graph.Op("MatMul", [x, b]);
    }
}

/// <summary>fp16: weights stored float16 (half the disk), computed in float32 (ONNX Runtime's CPU kernels are float32;
/// LayerNorm, softmax and residual sums stay float32 so precision is that of rounding each weight once).</summary>
internal sealed class Float16Weights : WeightEncoding
{
    public override bool ReusesTablesForTiedOutput => true;

    public override string Table(OnnxGraph graph, CheckpointTensor tensor) => Float16Table(graph, tensor);

    public override string MatMul(OnnxGraph graph, string x, CheckpointTensor weight)
    {
        var stored = graph.Weights.Get(weight.Name + "_T_fp16", name => new InitializerData(name, TensorProto.Types.DataType.Float16, [weight.Columns, weight.Rows], weight.Elements * 2,
            WeightWriters.Transposed(weight, 2, WeightWriters.Float16)));
        var b = graph.Root.Prepared(stored + "_as_fp32", root => root.Op("Cast", [stored], ("to", (long)TensorProto.Types.DataType.Float)));
        return graph.Op("MatMul", [x, b]);
    }
}

/// <summary>
/// int8: each linear weight quantized symmetrically per output channel to 7 bits (scale = max|w| / 63, zero point 0:
/// <see cref="Int8Products.WeightLevels"/>; with 8 bits, CPUs without VNNI compute some products wrong), the
/// activation quantized per tensor at run time (<c>DynamicQuantizeLinear</c>), multiplied by ONNX Runtime's integer
/// GEMM (<c>MatMulInteger</c>, uint8 × int8) and rescaled by the product of the two scales.
/// </summary>
internal sealed class Int8Weights : WeightEncoding
{
    public override string Table(OnnxGraph graph, CheckpointTensor tensor) => Float16Table(graph, tensor);

    public override string MatMul(OnnxGraph graph, string x, CheckpointTensor weight)
    {
        var scales = graph.Weights.Memo(weight.Name + "_scale", () => ChannelScales(weight));
        var b = graph.Weights.Get(weight.Name + "_T_int8", name => new InitializerData(name, TensorProto.Types.DataType.Int8, [weight.Columns, weight.Rows], weight.Elements,
            WeightWriters.Transposed(weight, 1, (values, bytes) =>
            {
                for (int i = 0; i < values.Length; i++)
                {
                    bytes[i] = (byte)Int8Products.Quantize(values[i], scales[i % scales.Length]);
                }
            })));
        var scale = graph.Weights.Get(weight.Name + "_scale", name => InitializerData.FromFloats(name, [weight.Rows], scales));
        var quantized = graph.Ops("DynamicQuantizeLinear", [x], 3);
        var product = graph.Op("MatMulInteger", [quantized[0], b, quantized[2]]);
        var rescale = graph.Op("Mul", [quantized[1], scale]);
        return graph.Op("Mul", [graph.Op("Cast", [product], ("to", (long)TensorProto.Types.DataType.Float)), rescale]);
    }

    private static float[] ChannelScales(CheckpointTensor weight)
    {
        var scales = new float[weight.Rows];
        WeightWriters.ForEachRow(weight, (row, values) =>
        {
            float max = 0f;
            foreach (var v in values)
            {
                max = MathF.Max(max, MathF.Abs(v));
            }
            scales[row] = max > 0f ? Int8Products.Scale(max) : 1f;
        });
        return scales;
    }
}

/// <summary>
/// 4-bit: ONNX Runtime's weight-only <c>MatMulNBits</c>: each output channel cut into blocks of 32 inputs, each block
/// quantized symmetrically (scale = max|w| / 7, values 1..15 around the default zero point 8), two values a byte,
/// the low nibble first; activations quantized to int8 inside the kernel (accuracy level 4).
/// </summary>
internal sealed class Q4Weights : WeightEncoding
{
    private const int BlockSize = 32;

    public override string Table(OnnxGraph graph, CheckpointTensor tensor) => Float16Table(graph, tensor);

    public override string MatMul(OnnxGraph graph, string x, CheckpointTensor weight)
    {
        long n = weight.Rows, k = weight.Columns;
        long blocks = (k + BlockSize - 1) / BlockSize;
        var scales = graph.Weights.Memo(weight.Name + "_Q4_scales", () => BlockScales(weight, blocks));
        var b = graph.Weights.Get(weight.Name + "_Q4", name => new InitializerData(name, TensorProto.Types.DataType.Uint8, [n, blocks, BlockSize / 2], n * blocks * BlockSize / 2,
            stream => WeightWriters.ForEachRow(weight, (row, values) => stream.Write(PackRow(values, scales.AsSpan((int)(row * blocks), (int)blocks))))));
        var scale = graph.Weights.Get(weight.Name + "_Q4_scales", name => InitializerData.FromFloats(name, [n * blocks], scales));
        return graph.MicrosoftOp("MatMulNBits", [x, b, scale],
            ("K", k), ("N", n), ("bits", 4L), ("block_size", (long)BlockSize), ("accuracy_level", 4L));
    }

    private static float[] BlockScales(CheckpointTensor weight, long blocks)
    {
        var scales = new float[checked((int)(weight.Rows * blocks))];
        WeightWriters.ForEachRow(weight, (row, values) =>
        {
            for (int block = 0; block < blocks; block++)
            {
                var part = values.Slice(block * BlockSize, Math.Min(BlockSize, values.Length - block * BlockSize));
                float max = 0f;
                foreach (var v in part)
                {
                    max = MathF.Max(max, MathF.Abs(v));
                }
                scales[row * blocks + block] = max > 0f ? max / 7f : 1f;
            }
        });
        return scales;
    }

    private static byte[] PackRow(ReadOnlySpan<float> values, ReadOnlySpan<float> scales)
    {
        var packed = new byte[scales.Length * BlockSize / 2];
        for (int i = 0; i < scales.Length * BlockSize; i++)
        {
            // Past the end of a row (in its last block) the value is 0, stored as the zero point 8.
            int q = i < values.Length ? (int)Math.Clamp(MathF.Round(values[i] / scales[i / BlockSize]), -7f, 7f) + 8 : 8;
            packed[i / 2] |= (byte)((i % 2 == 0) ? q : q << 4);
        }
        return packed;
    }
}
