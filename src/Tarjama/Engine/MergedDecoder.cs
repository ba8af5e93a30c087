using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Tarjama.Engine;

/// <summary>Optimum's <c>decoder_model_merged.onnx</c>: one graph whose <c>If</c> node picks the first-step or the
/// cached branch from <c>use_cache_branch</c>. In the cached branch its encoder <c>present</c> outputs are empty, so
/// the cross cache of the first step is kept. Both branches may have had their output projection cut off
/// (<paramref name="projection"/>).</summary>
internal sealed class MergedDecoder(OnnxSession session, OutputProjection? projection, int layers, int heads, int headSize, TensorElementType cacheType)
    : OnnxDecoder(layers, heads, headSize, cacheType)
{
    public override bool NeedsHiddenStatesAfterFirstStep => true;

    public override StepOutput First(EncoderState encoder, long[] tokens) =>
        FromEmptySelfCache(tokens.Length, empty => Run(encoder, empty, empty, tokens, firstStep: true));

    public override StepOutput Next(EncoderState encoder, OrtValue[] selfCache, long[] tokens) =>
        Run(encoder, selfCache, encoder.CrossCache, tokens, firstStep: false);

    private StepOutput Run(EncoderState encoder, OrtValue[] self, OrtValue[] cross, long[] tokens, bool firstStep)
    {
        using var ids = TensorRows.Int64(tokens, tokens.Length, 1);
        using var useCache = OrtValue.CreateTensorValueFromMemory(new[] { !firstStep }, [1]);
        var names = new string[4 + PastNames.Length];
        var values = new OrtValue[names.Length];
        (names[0], values[0]) = ("encoder_attention_mask", encoder.Mask);
        (names[1], values[1]) = ("input_ids", ids);
        (names[2], values[2]) = ("encoder_hidden_states", encoder.Hidden);
        (names[3], values[3]) = ("use_cache_branch", useCache);
        Pasts.Fill(names, values, 4, PastNames, self, cross);
        var outputs = session.Run(names, values, OutputNames(projection, firstStep));
        return Collect(outputs, firstStep ? encoder : null, projection);
    }

    public override void Dispose()
    {
        session.Dispose();
        projection?.Dispose();
    }
}
