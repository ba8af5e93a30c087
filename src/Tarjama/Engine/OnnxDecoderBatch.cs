using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tarjama.Decoding;

namespace Tarjama.Engine;

/// <summary>Decoder rows in flight over ONNX Runtime: the encoder state, the self-attention cache and the current
/// step's output. Rows are copied only when the strategy reorders or drops them. When the decoder returns hidden
/// states, the projection runs on the first question about the step: every logit for <see cref="Logits"/>, greedy's
/// shortlist for <see cref="Best"/>.</summary>
internal sealed class OnnxDecoderBatch : IDecoderBatch, IDisposable
{
    private readonly OnnxDecoder _decoder;
    private readonly EncoderState _encoder;
    private readonly Lock _projecting = new();
    private StepOutput _step;
    private OrtValue? _projected;
    private ShortlistProjection.Screened? _screened;
    private int[] _sentenceOfRow;
    private float[]? _converted;

    /// <summary>Runs the first decoder step over <paramref name="encoder"/>, which the batch owns from here on (also when
    /// this step fails).</summary>
    /// <param name="startTokens">Each sentence's decoder start token.</param>
    public OnnxDecoderBatch(OnnxDecoder decoder, EncoderState encoder, long[] startTokens)
    {
        _decoder = decoder;
        _encoder = encoder;
        _sentenceOfRow = encoder.Sentences;
        try
        {
            _step = _decoder.First(encoder, startTokens);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
        Convert(_step);
        encoder.ReleaseGroups();
        if (!decoder.NeedsHiddenStatesAfterFirstStep)
        {
            encoder.ReleaseHiddenStates();
        }
        VocabSize = _step.Projection?.VocabSize ?? (int)_step.Output.GetTensorTypeAndShape().Shape[^1];
    }

    public int Rows => _sentenceOfRow.Length;

    public int VocabSize { get; }

    public ReadOnlySpan<int> SentenceOfRow => _sentenceOfRow;

    public Span<float> Logits(int row)
    {
        if (_converted is not null)
        {
            return _converted.AsSpan(row * VocabSize, VocabSize);
        }
        var logits = _step.Projection is null ? _step.Output : Projected();
        return logits.GetTensorMutableDataAsSpan<float>().Slice(row * VocabSize, VocabSize);
    }

    public (int Token, float? Score) Best(int row, LogitsProcessorList processors, ReadOnlySpan<int> sequence, bool scored)
    {
        // A final log-softmax (renormalize_logits) changes no order, and the shortlist gives no score to normalize.
        var ordered = processors.Unnormalized;
        if (_step.Projection is not { } projection || !ordered.KeepsOrder)
        {
            return IDecoderBatch.BestOf(Logits(row), processors, sequence, scored);
        }
        var shortlist = projection.Shortlist;
        var hidden = _step.Output.GetTensorDataAsSpan<float>().Slice(row * projection.ModelDim, projection.ModelDim);
        return (shortlist.Best(Screened(shortlist), row, hidden, ordered, sequence), null);
    }

    // Rows are asked about from several threads: the step's projection runs once, for all of them.
    private OrtValue Projected()
    {
        lock (_projecting)
        {
            return _projected ??= _step.Projection!.Logits(_step.Output);
        }
    }

    private ShortlistProjection.Screened Screened(ShortlistProjection shortlist)
    {
        lock (_projecting)
        {
            return _screened ??= shortlist.Screen(_step.Output);
        }
    }

    // fp16 exports return half-precision logits; processors work on floats. Converted once per step, up front, so
    // rows can then be read from several threads, into one buffer kept for the whole batch (rows only get fewer, and
    // a 256k vocabulary makes a fresh array per step a large-object allocation).
    private void Convert(StepOutput step)
    {
        if (step.Projection is not null || step.Output.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float)
        {
            _converted = null;
            return;
        }
        var half = MemoryMarshal.Cast<Float16, ushort>(step.Output.GetTensorDataAsSpan<Float16>());
        if (_converted is null || _converted.Length < half.Length)
        {
            _converted = new float[half.Length];
        }
        for (int i = 0; i < half.Length; i++)
        {
            _converted[i] = (float)BitConverter.UInt16BitsToHalf(half[i]);
        }
    }

    public void Advance(int[] parents, long[] tokens)
    {
        var self = _step.SelfCache;
        // One tensor per layer and key/value, on all cores: reordered in place while the row count holds (beams),
        // gathered into smaller tensors when rows leave.
        if (parents.Length != Rows)
        {
            Parallel.For(0, self.Length, i =>
            {
                var gathered = TensorRows.Gather(self[i], parents);
                self[i].Dispose();
                self[i] = gathered;
            });
        }
        else if (!TensorRows.IsIdentity(parents, Rows))
        {
            Parallel.For(0, self.Length, i => TensorRows.PermuteInPlace(self[i], parents));
        }
        _sentenceOfRow = Array.ConvertAll(parents, p => _sentenceOfRow[p]);
        _encoder.Arrange(_sentenceOfRow);
        var next = _decoder.Next(_encoder, self, tokens);
        DisposeStep();
        _step = next;
        Convert(next);
    }

    private void DisposeStep()
    {
        _step.Output.Dispose();
        _projected?.Dispose();
        _projected = null;
        _screened?.Dispose();
        _screened = null;
        foreach (var value in _step.SelfCache)
        {
            value.Dispose();
        }
    }

    public void Dispose()
    {
        DisposeStep();
        _encoder.Dispose();
    }
}
