using Tarjama.Conversion.Onnx;

namespace Tarjama.Tests.Conversion;

/// <summary>Every graph output of a converted model declares its shape, as Optimum's exports do: the onnx package's
/// checker refuses a model whose outputs have none. The merged decoder's are symbolic where the branches differ.</summary>
public class GraphOutputShapeTests
{
    [Fact]
    public void Every_graph_output_declares_its_shape()
    {
        using var model = new ConvertedModel("nllb");
        foreach (var file in new[] { "encoder_model.onnx", "decoder_model_merged.onnx" })
        {
            using var stream = File.OpenRead(Path.Combine(model.Folder, "onnx", file));
            var outputs = ModelProto.Parser.ParseFrom(stream).Graph.Output;
            Assert.All(outputs, o => Assert.NotNull(o.Type.TensorType.Shape));
            if (file.StartsWith("decoder", StringComparison.Ordinal))
            {
                Assert.Equal(["batch_size", "decoder_sequence_length", "320"], Dims(outputs.Single(o => o.Name == "logits")));
                Assert.Equal(["batch_size", "4", "encoder_sequence_length_out", "8"], Dims(outputs.Single(o => o.Name == "present.1.encoder.value")));
            }
        }
    }

    private static string[] Dims(ValueInfoProto value) =>
        [.. value.Type.TensorType.Shape.Dim.Select(d => d.HasDimParam ? d.DimParam : d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
