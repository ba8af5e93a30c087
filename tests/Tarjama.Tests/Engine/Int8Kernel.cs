using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Tests.Engine;

/// <summary>How this CPU's ONNX Runtime multiplies uint8 by int8: x86 CPUs without VNNI add each pair of products in
/// 16 bits and saturate, so 8-bit models (transformers.js's q8 exports) give other tokens there than on VNNI CPUs, in
/// transformers.js as in Tarjama. Asked of the runtime itself, with the one product that tells the two apart.</summary>
internal static class Int8Kernel
{
    private static readonly Lazy<bool> Saturating = new(Probe);

    /// <summary>Whether 255 · 127 + 255 · 127 comes back as 32,767.</summary>
    public static bool SaturatesPairs => Saturating.Value;

    /// <summary>The golden for this CPU's kernel: recorded on a VNNI CPU as <c>.q8.</c>, on one without as
    /// <c>.q8-saturating.</c> (tools/transformersjs/record-fixtures.sh names it by the CPU it runs on).</summary>
    public static string Golden(string vnniGolden) =>
        SaturatesPairs ? vnniGolden.Replace(".q8.", ".q8-saturating.", StringComparison.Ordinal) : vnniGolden;

    private static bool Probe()
    {
        var graph = new OnnxGraph("probe", new ModelWeights());
        var a = graph.Input("a", TensorProto.Types.DataType.Uint8, 1, 2);
        var product = graph.Op("MatMulInteger", [a, "b"]);
        graph.Output(product, "y", TensorProto.Types.DataType.Int32, 1, 1);
        var proto = graph.ToProto();
        var b = new TensorProto { Name = "b", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(127, 127) };
        b.Dims.Add([2, 1]);
        proto.Initializer.Add(b);
        using var session = new InferenceSession(OnnxGraph.Model(proto).ToByteArray());
        using var input = OrtValue.CreateTensorValueFromMemory(new byte[] { 255, 255 }, [1, 2]);
        using var outputs = session.Run(new RunOptions(), ["a"], [input], ["y"]);
        return outputs[0].GetTensorDataAsSpan<int>()[0] != 255 * 127 * 2;
    }
}
