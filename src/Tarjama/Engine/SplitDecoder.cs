using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Tarjama.Engine;

/// <summary><c>decoder_model.onnx</c> for the first step, <c>decoder_with_past_model.onnx</c> after it; the latter
/// without its output projection when one was cut off (<paramref name="projection"/>), and the former too when
/// <paramref name="firstCut"/> (its copy of the weights was the same).</summary>
internal sealed class SplitDecoder(OnnxSession first, bool firstCut, OnnxSession withPast, OutputProjection? projection, int layers, int heads, int headSize, TensorElementType cacheType)
    : OnnxDecoder(layers, heads, headSize, cacheType)
{
    private static readonly string[] FirstInputs = ["encoder_attention_mask", "input_ids", "encoder_hidden_states"];

    public override bool NeedsHiddenStatesAfterFirstStep => false;

    public override StepOutput First(EncoderState encoder, long[] tokens)
    {
        using var ids = TensorRows.Int64(tokens, tokens.Length, 1);
        var firstProjection = firstCut ? projection : null;
        var outputs = first.Run(FirstInputs, [encoder.Mask, ids, encoder.Hidden], OutputNames(firstProjection, firstStep: true));
        return Collect(outputs, encoder, firstProjection);
    }

    public override StepOutput Next(EncoderState encoder, OrtValue[] selfCache, long[] tokens)
    {
        using var ids = TensorRows.Int64(tokens, tokens.Length, 1);
        var names = new string[2 + PastNames.Length];
        var values = new OrtValue[names.Length];
        names[0] = "encoder_attention_mask";
        values[0] = encoder.Mask;
        names[1] = "input_ids";
        values[1] = ids;
        Pasts.Fill(names, values, 2, PastNames, selfCache, encoder.CrossCache);
        var outputs = withPast.Run(names, values, OutputNames(projection, firstStep: false));
        return Collect(outputs, null, projection);
    }

    public override void Dispose()
    {
        first.Dispose();
        withPast.Dispose();
        projection?.Dispose();
    }
}

/// <summary>Lays the self cache then the cross cache into a run's inputs, in <c>past_key_values</c> name order.</summary>
internal static class Pasts
{
    public static void Fill(string[] names, OrtValue[] values, int offset, string[] pastNames, OrtValue[] self, OrtValue[] cross)
    {
        for (int i = 0; i < pastNames.Length; i++)
        {
            names[offset + i] = pastNames[i];
            values[offset + i] = i < self.Length ? self[i] : cross[i - self.Length];
        }
    }
}
