using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Tarjama.Engine;

/// <summary><c>decoder_with_past_model.onnx</c> for every step, without its output projection when one was cut off
/// (<paramref name="projection"/>): the first step takes its cross-attention cache from <paramref name="cross"/> and
/// an empty self-attention cache. Only when the first-step graph could not be cut that way does
/// <c>decoder_model.onnx</c> itself (<paramref name="whole"/>) run the first step.</summary>
internal sealed class SplitDecoder(CrossAttentionCache? cross, OnnxSession? whole, OnnxSession withPast, OutputProjection? projection, int layers, int heads, int headSize, TensorElementType cacheType)
    : OnnxDecoder(layers, heads, headSize, cacheType)
{
    private static readonly string[] FirstInputs = ["encoder_attention_mask", "input_ids", "encoder_hidden_states"];

    public override bool NeedsHiddenStatesAfterFirstStep => false;

    public override StepOutput First(EncoderState encoder, long[] tokens)
    {
        using (var ids = TensorRows.Int64(tokens, tokens.Length, 1))
        {
            if (cross is null)
            {
                return Collect(whole!.Run(FirstInputs, [encoder.Mask, ids, encoder.Hidden], OutputNames(null, firstStep: true)), encoder, null);
            }
            encoder.CrossCache = cross.Compute(encoder, ids);
        }
        return FromEmptySelfCache(tokens.Length, empty => Next(encoder, empty, tokens));
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
        cross?.Dispose();
        whole?.Dispose();
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
