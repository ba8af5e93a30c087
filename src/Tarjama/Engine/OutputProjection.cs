using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Engine;

/// <summary>
/// The projection cut off a decoder graph (<see cref="DecoderHead"/>), run apart from it: every logit with the
/// same MatMul (and bias Add) the graph had, for beam search and anything else that reads them all, or greedy's
/// shortlist. Each is built on first use, so a process that only runs one kind holds only its weights.
/// </summary>
internal sealed class OutputProjection : IDisposable
{
    private readonly Lazy<OnnxSession> _full;
    private readonly Lazy<ShortlistProjection> _shortlist;

    public OutputProjection(DecoderHead head, string modelFolder, EngineOptions options, EngineStatistics statistics)
    {
        VocabSize = head.VocabSize;
        ModelDim = head.ModelDim;
        _full = new(() => OnnxSessionLoader.Open(FullModel(head), "output projection", modelFolder, options, statistics));
        _shortlist = new(() => ShortlistProjection.Build(head, Bias(head, modelFolder), modelFolder, options, statistics));
    }

    public int VocabSize { get; }

    /// <summary>The hidden states' size, d_model.</summary>
    public int ModelDim { get; }

    /// <summary>Greedy search's projection (built on first use).</summary>
    public ShortlistProjection Shortlist => _shortlist.Value;

    /// <summary>Every logit, <c>[rows, 1, vocab]</c>, of one step's hidden states; owned by the caller.</summary>
    public OrtValue Logits(OrtValue hidden) => _full.Value.Run([DecoderHead.HiddenOutput], [hidden], ["logits"])[0];

    private static byte[] FullModel(DecoderHead head)
    {
        var graph = new OnnxGraph("output_projection", new ModelWeights());
        var hidden = graph.Input(DecoderHead.HiddenOutput, TensorProto.Types.DataType.Float, "batch_size", "decoder_sequence_length", head.ModelDim);
        string weight = head.Transposed ? graph.Op("Transpose", [head.Weight.Name], ("perm", new long[] { 1, 0 })) : head.Weight.Name;
        string logits = graph.Op("MatMul", [hidden, weight]);
        if (head.Bias is not null)
        {
            logits = graph.Op("Add", [logits, head.Bias.Name]);
        }
        graph.Output(logits, "logits", TensorProto.Types.DataType.Float, "batch_size", "decoder_sequence_length", head.VocabSize);
        var proto = graph.ToProto();
        proto.Initializer.Add(head.Weight);
        if (head.Bias is not null)
        {
            proto.Initializer.Add(head.Bias);
        }
        return OnnxGraph.Model(proto).ToByteArray();
    }

    private static float[] Bias(DecoderHead head, string modelFolder)
    {
        var bias = new float[head.VocabSize];
        if (head.Bias is not null)
        {
            using var stream = InitializerStream.Open(head.Bias, modelFolder);
            stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bias.AsSpan()));
        }
        return bias;
    }

    public void Dispose()
    {
        if (_full.IsValueCreated)
        {
            _full.Value.Dispose();
        }
        if (_shortlist.IsValueCreated)
        {
            _shortlist.Value.Dispose();
        }
    }
}
