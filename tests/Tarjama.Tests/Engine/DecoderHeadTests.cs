using Tarjama.Conversion.Onnx;
using Tarjama.Engine;

namespace Tarjama.Tests.Engine;

/// <summary>Which exported decoder graphs give up their output projection, in which form, and what is left.</summary>
public class DecoderHeadTests
{
    [Theory]
    [InlineData("tiny-ar-en", "decoder_with_past_model.onnx", true, true)]
    [InlineData("tiny-ar-en", "decoder_model_merged.onnx", true, true)]
    [InlineData("tiny-ar-en", "decoder_model_merged_quantized.onnx", true, true)]
    [InlineData("tiny-nllb", "decoder_with_past_model.onnx", false, false)]
    [InlineData("tiny-nllb", "decoder_model_merged.onnx", false, false)]
    [InlineData("tiny-m2m100", "decoder_with_past_model.onnx", false, false)]
    public void The_projection_is_cut_off_and_the_graph_returns_hidden_states(string model, string file, bool tied, bool bias)
    {
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Fixtures.Path("models", model, "onnx", file)));
        var head = DecoderHead.TryCut(proto);
        Assert.NotNull(head);
        Assert.Equal(tied, head.Transposed);
        Assert.Equal(bias, head.Bias is not null);
        Assert.Contains(proto.Graph.Output, o => o.Name == DecoderHead.HiddenOutput);
        Assert.DoesNotContain(proto.Graph.Output, o => o.Name == "logits");
        // W is gone from the graph unless the embedding lookup still reads it (a tied embedding).
        Assert.Equal(tied, proto.Graph.Initializer.Any(i => i.Name == head.Weight.Name));
    }

    [Fact]
    public void A_graph_that_ends_otherwise_is_left_whole()
    {
        var path = Fixtures.Path("models", "tiny-ar-en", "onnx", "decoder_model_merged_fp16.onnx");
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Null(DecoderHead.TryCut(proto));
        Assert.Equal(File.ReadAllBytes(path).Length, proto.CalculateSize());
    }
}
