using Tarjama.Models;

namespace Tarjama.Tests.Conversion;

/// <summary>The fp32 conversion of each fixture checkpoint gives the logits transformers computed, within 1e-4.</summary>
public class ConversionParityTests
{
    [Theory]
    [InlineData("marian-base")]
    [InlineData("marian-big")]
    [InlineData("marian-separate")]
    [InlineData("nllb")]
    public void Fp32_logits_match_pytorch(string checkpoint) => AssertLogitsMatch(new ConvertedModel(checkpoint));

    [Fact]
    public void Weights_in_external_data_files_give_the_same_logits()
    {
        // As a model past protobuf's 2 GB limit is written: the weights in onnx/*.onnx_data beside each graph.
        var model = new ConvertedModel("nllb", externalDataAbove: 0);
        Assert.True(new FileInfo(Path.Combine(model.Folder, "onnx", "decoder_model_merged.onnx_data")).Length > new FileInfo(Path.Combine(model.Folder, "onnx", "decoder_model_merged.onnx")).Length);
        AssertLogitsMatch(model);
    }

    private static void AssertLogitsMatch(ConvertedModel converted)
    {
        using var model = converted;
        var golden = model.Golden;
        var logits = model.Logits(golden);
        float worst = 0;
        for (int b = 0; b < golden.Logits.Length; b++)
        {
            for (int t = 0; t < golden.Logits[b].Length; t++)
            {
                Assert.Equal(golden.Logits[b][t].Length, logits[b][t].Length);
                for (int v = 0; v < golden.Logits[b][t].Length; v++)
                {
                    worst = MathF.Max(worst, MathF.Abs(golden.Logits[b][t][v] - logits[b][t][v]));
                }
            }
        }
        Assert.True(worst <= 1e-4f, $"largest logit difference {worst}");
    }
}
