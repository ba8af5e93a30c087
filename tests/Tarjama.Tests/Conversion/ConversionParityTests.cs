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
    public void Fp32_logits_match_pytorch(string checkpoint)
    {
        using var model = new ConvertedModel(checkpoint);
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
