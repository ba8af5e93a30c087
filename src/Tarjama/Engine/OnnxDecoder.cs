using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Tarjama.Engine;

/// <summary>One decoder step over ONNX Runtime. The first step reads the encoder's hidden states and yields the
/// cross-attention cache; later steps feed each step's <c>present</c> self-attention outputs back as the next
/// step's <c>past_key_values</c> without copying them.</summary>
internal abstract class OnnxDecoder : IDisposable
{
    private readonly string[] _selfPresent;
    private readonly string[] _allPresent;

    protected OnnxDecoder(int layers, int heads, int headSize, TensorElementType cacheType)
    {
        Layers = layers;
        Heads = heads;
        HeadSize = headSize;
        CacheType = cacheType;
        // present.{i}.decoder.* first, then present.{i}.encoder.*, matching how CrossCache and SelfCache are split.
        PastNames = [.. Names("past_key_values", "decoder", layers), .. Names("past_key_values", "encoder", layers)];
        _selfPresent = Names("present", "decoder", layers);
        _allPresent = [.. _selfPresent, .. CrossPresent(layers)];
    }

    /// <summary>The first step's cross-attention outputs, a key and a value per layer, in cache order.</summary>
    public static string[] CrossPresent(int layers) => Names("present", "encoder", layers);

    private static string[] Names(string prefix, string side, int layers) =>
        [.. Enumerable.Range(0, layers).SelectMany(i => new[] { $"{prefix}.{i}.{side}.key", $"{prefix}.{i}.{side}.value" })];

    public int Layers { get; }
    protected int Heads { get; }
    protected int HeadSize { get; }
    protected TensorElementType CacheType { get; }

    /// <summary>Whether later steps still read the encoder's hidden states (the merged graph takes them every step).</summary>
    public abstract bool NeedsHiddenStatesAfterFirstStep { get; }

    /// <summary>Runs the first step; fills <see cref="EncoderState.CrossCache"/> and returns its output and the self cache.</summary>
    public abstract StepOutput First(EncoderState encoder, long[] tokens);

    /// <summary>Runs a later step from the self cache of the previous one.</summary>
    public abstract StepOutput Next(EncoderState encoder, OrtValue[] selfCache, long[] tokens);

    protected string[] PastNames { get; }

    /// <summary>Runs <paramref name="step"/> from a self-attention cache of length 0, a first step's past.</summary>
    protected StepOutput FromEmptySelfCache(int rows, Func<OrtValue[], StepOutput> step)
    {
        var empty = new OrtValue[2 * Layers];
        for (int i = 0; i < empty.Length; i++)
        {
            empty[i] = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, CacheType, [rows, Heads, 0, HeadSize]);
        }
        try
        {
            return step(empty);
        }
        finally
        {
            foreach (var value in empty)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>What a step returns: logits, or the hidden states when the graph's projection was cut off; then the
    /// self-attention cache, and also the cross-attention cache on the first step.</summary>
    protected string[] OutputNames(OutputProjection? projection, bool firstStep) =>
        [projection is null ? "logits" : DecoderHead.HiddenOutput, .. firstStep ? _allPresent : _selfPresent];

    /// <summary>Splits run outputs into logits (or hidden states), self cache and (when asked for) the cross cache.</summary>
    protected StepOutput Collect(IDisposableReadOnlyCollection<OrtValue> outputs, EncoderState? takeCross, OutputProjection? projection)
    {
        int selfCount = 2 * Layers;
        var self = new OrtValue[selfCount];
        for (int i = 0; i < selfCount; i++)
        {
            self[i] = outputs[1 + i];
        }
        if (takeCross is not null)
        {
            var cross = new OrtValue[selfCount];
            for (int i = 0; i < selfCount; i++)
            {
                cross[i] = outputs[1 + selfCount + i];
            }
            takeCross.CrossCache = cross;
        }
        return new StepOutput(outputs[0], self, projection);
    }

    public abstract void Dispose();
}

/// <summary>One step's logits <c>[rows, 1, vocab]</c>, or its hidden states <c>[rows, 1, d_model]</c> for
/// <paramref name="Projection"/> to turn into logits, and its self-attention cache; owned by the caller.</summary>
internal sealed record StepOutput(OrtValue Output, OrtValue[] SelfCache, OutputProjection? Projection);
