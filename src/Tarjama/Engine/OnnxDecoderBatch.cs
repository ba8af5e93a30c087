using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tarjama.Decoding;

namespace Tarjama.Engine;

/// <summary>Decoder rows in flight over ONNX Runtime: the encoder state, the self-attention cache and the current
/// logits. Rows are copied only when the strategy reorders or drops them.</summary>
internal sealed class OnnxDecoderBatch : IDecoderBatch, IDisposable
{
    private readonly OnnxDecoder _decoder;
    private readonly EncoderState _encoder;
    private OrtValue[] _self;
    private OrtValue _logits;
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
            (_logits, _self) = _decoder.First(encoder, startTokens);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
        Convert(_logits);
        if (!decoder.NeedsHiddenStatesAfterFirstStep)
        {
            encoder.ReleaseHiddenStates();
        }
        VocabSize = (int)_logits.GetTensorTypeAndShape().Shape[^1];
    }

    public int Rows => _sentenceOfRow.Length;

    public int VocabSize { get; }

    public ReadOnlySpan<int> SentenceOfRow => _sentenceOfRow;

    public Span<float> Logits(int row) => _converted is null
        ? _logits.GetTensorMutableDataAsSpan<float>().Slice(row * VocabSize, VocabSize)
        : _converted.AsSpan(row * VocabSize, VocabSize);

    // fp16 exports return half-precision logits; processors work on floats. Converted once per step, up front, so
    // rows can then be read from several threads, into one buffer kept for the whole batch (rows only get fewer, and
    // a 256k vocabulary makes a fresh array per step a large-object allocation).
    private void Convert(OrtValue logits)
    {
        if (logits.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float)
        {
            _converted = null;
            return;
        }
        var half = MemoryMarshal.Cast<Float16, ushort>(logits.GetTensorDataAsSpan<Float16>());
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
        // One tensor per layer and key/value, on all cores: reordered in place while the row count holds (beams),
        // gathered into smaller tensors when rows leave.
        if (parents.Length != Rows)
        {
            Parallel.For(0, _self.Length, i =>
            {
                var gathered = TensorRows.Gather(_self[i], parents);
                _self[i].Dispose();
                _self[i] = gathered;
            });
        }
        else if (!TensorRows.IsIdentity(parents, Rows))
        {
            Parallel.For(0, _self.Length, i => TensorRows.PermuteInPlace(_self[i], parents));
        }
        _sentenceOfRow = Array.ConvertAll(parents, p => _sentenceOfRow[p]);
        _encoder.Arrange(_sentenceOfRow);
        var (logits, self) = _decoder.Next(_encoder, _self, tokens);
        DisposeStep();
        _logits = logits;
        _self = self;
        Convert(logits);
    }

    private void DisposeStep()
    {
        _logits.Dispose();
        foreach (var value in _self)
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
