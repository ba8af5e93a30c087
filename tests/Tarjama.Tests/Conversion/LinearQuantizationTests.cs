using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tarjama.Conversion;
using Tarjama.Conversion.Onnx;
using Tarjama.Models;

namespace Tarjama.Tests.Conversion;

/// <summary>One linear layer per weight encoding, run by ONNX Runtime, against the same product computed here from the
/// dequantized weights the encoding documents (per-channel int8; 4-bit blocks of 32, low nibble first).</summary>
public class LinearQuantizationTests
{
    private const int Outputs = 48, Inputs = 80, Rows = 3;

    [Theory]
    [InlineData(ModelDtype.Fp32, 1e-5f)]
    [InlineData(ModelDtype.Fp16, 1e-3f)]
    [InlineData(ModelDtype.Int8, 2e-2f)]
    [InlineData(ModelDtype.Q4, 3e-2f)]
    public void OnnxRuntime_computes_the_documented_dequantized_product(ModelDtype dtype, float relativeTolerance)
    {
        var weights = SafetensorsWriter.Random(Outputs * Inputs, seed: 5);
        var input = SafetensorsWriter.Random(Rows * Inputs, seed: 6);
        var (expected, actual) = (Product(input, Dequantized(dtype, weights)), Run(dtype, weights, input));
        float scale = expected.Max(MathF.Abs);
        float worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        Assert.True(worst <= relativeTolerance * scale, $"{dtype}: largest difference {worst} against outputs up to {scale}");
    }

    /// <summary>Activations at full scale (uint8 255) against weights at full scale of one sign: with 8-bit weights,
    /// x86 CPUs without VNNI add each pair of products in 16 bits and saturate (about half the sum came back). 7-bit
    /// weights keep every pair below the limit, so the product is exact on every CPU (on a VNNI CPU 8 bits pass too).</summary>
    [Fact]
    public void Int8_products_at_full_scale_are_exact_on_every_cpu()
    {
        var ones = Enumerable.Repeat(1f, Outputs * Inputs).ToArray();
        var actual = Run(ModelDtype.Int8, ones, ones.AsSpan(0, Rows * Inputs).ToArray());
        Assert.All(actual, y => Assert.Equal(Inputs, y, 3));
    }

    /// <summary>One linear layer <c>[Outputs, Inputs]</c> in the dtype's encoding, run by ONNX Runtime on
    /// <c>[Rows, Inputs]</c>.</summary>
    private static float[] Run(ModelDtype dtype, float[] weights, float[] input)
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-linear-").FullName;
        try
        {
            SafetensorsWriter.Write(Path.Combine(folder, Checkpoint.SingleFile), new Dictionary<string, (long[], float[])> { ["w"] = ([Outputs, Inputs], weights) });
            using var checkpoint = Checkpoint.Open(folder);
            var graph = new OnnxGraph("linear", new ModelWeights());
            var x = graph.Input("x", TensorProto.Types.DataType.Float, Rows, Inputs);
            graph.Output(WeightEncoding.For(dtype).MatMul(graph, x, checkpoint.Get("w")), "y", TensorProto.Types.DataType.Float, Rows, Outputs);
            var model = new ModelProto { IrVersion = 8, Graph = graph.ToProto() };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
            var path = Path.Combine(folder, "linear.onnx");
            OnnxModelFile.Write(path, model, graph.Weights.All);
            using var session = new InferenceSession(path);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(input, [Rows, Inputs]))]);
            return results.First().AsTensor<float>().ToArray();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static float[] Product(float[] input, float[] dequantized)
    {
        var expected = new float[Rows * Outputs];
        for (int r = 0; r < Rows; r++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                expected[r * Outputs + o] = Enumerable.Range(0, Inputs).Sum(i => input[r * Inputs + i] * dequantized[o * Inputs + i]);
            }
        }
        return expected;
    }

    private static float[] Dequantized(ModelDtype dtype, float[] w)
    {
        var result = new float[w.Length];
        for (int o = 0; o < Outputs; o++)
        {
            var row = w.AsSpan(o * Inputs, Inputs);
            int block = dtype == ModelDtype.Q4 ? 32 : Inputs;
            for (int start = 0; start < Inputs; start += block)
            {
                var part = row[start..Math.Min(Inputs, start + block)];
                float max = 0;
                foreach (var v in part)
                {
                    max = MathF.Max(max, MathF.Abs(v));
                }
                for (int i = 0; i < part.Length; i++)
                {
                    result[o * Inputs + start + i] = dtype switch
                    {
                        ModelDtype.Int8 => MathF.Round(part[i] / (max / 63f)) * (max / 63f),
                        ModelDtype.Q4 => MathF.Round(part[i] / (max / 7f)) * (max / 7f),
                        ModelDtype.Fp16 => (float)(Half)part[i],
                        _ => part[i],
                    };
                }
            }
        }
        return result;
    }
}
