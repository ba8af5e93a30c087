using Tarjama.Models;

namespace Tarjama.Tests.Conversion;

/// <summary>fp16, int8 and 4-bit conversions of whole checkpoints load in ONNX Runtime with the fp32 interface and stay
/// near fp32 (the exactness of each encoding is held by <see cref="LinearQuantizationTests"/>). These fixtures' weights
/// are deliberately sharp, so 4-bit, which moves each weight by up to a fourteenth of its block's largest, is only
/// required to run and differ; int8's 7-bit weights move each by up to a 126th of its channel's largest.</summary>
public class QuantizedConversionTests
{
    [Theory]
    [InlineData("marian-base", ModelDtype.Fp16, 0.1f, 10)]
    [InlineData("nllb", ModelDtype.Fp16, 0.1f, 10)]
    [InlineData("marian-base", ModelDtype.Int8, 6f, 9)]
    [InlineData("nllb", ModelDtype.Int8, 6f, 9)]
    [InlineData("marian-base", ModelDtype.Q4, float.PositiveInfinity, 0)]
    [InlineData("nllb", ModelDtype.Q4, float.PositiveInfinity, 0)]
    public void Logits_stay_near_fp32(string checkpoint, ModelDtype dtype, float tolerance, int sameTopAtLeast)
    {
        using var model = new ConvertedModel(checkpoint, dtype);
        var golden = model.Golden;
        var logits = model.Logits(golden);
        float worst = 0;
        int sameTop = 0, positions = 0;
        for (int b = 0; b < golden.Logits.Length; b++)
        {
            for (int t = 0; t < golden.Logits[b].Length; t++)
            {
                var expected = golden.Logits[b][t];
                var actual = logits[b][t];
                Assert.All(actual, v => Assert.True(float.IsFinite(v)));
                worst = Enumerable.Range(0, expected.Length).Aggregate(worst, (w, v) => MathF.Max(w, MathF.Abs(expected[v] - actual[v])));
                sameTop += Array.IndexOf(expected, expected.Max()) == Array.IndexOf(actual, actual.Max()) ? 1 : 0;
                positions++;
            }
        }
        var summary = $"{dtype}: largest logit difference {worst}, same top token at {sameTop}/{positions}";
        Assert.True(worst <= tolerance && sameTop >= sameTopAtLeast, summary);
        Assert.True(worst > 1e-4f, $"{summary}: as close as fp32, so the weights were not quantized");
    }
}
