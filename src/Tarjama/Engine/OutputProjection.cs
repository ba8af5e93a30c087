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
        _full = new(() => OnnxSessionLoader.Open(FullModel(head), "output projection", modelFolder, options, statistics));
        _shortlist = new(() => ShortlistProjection.Build(head, Bias(head, modelFolder), modelFolder, options, statistics));
    }

    public int VocabSize { get; }

    /// <summary>Greedy search's projection (built on first use).</summary>
    public ShortlistProjection Shortlist => _shortlist.Value;

    /// <summary>Every logit, <c>[rows, 1, vocab]</c>, of one step's hidden states; owned by the caller.</summary>
    public OrtValue Logits(OrtValue hidden) => _full.Value.Run([DecoderHead.HiddenOutput], [hidden], ["logits"])[0];

    private static byte[] FullModel(DecoderHead head)
    {
        var graph = new GraphProto { Name = "output_projection" };
        graph.Input.Add(Tensor(DecoderHead.HiddenOutput, head.ModelDim));
        graph.Output.Add(Tensor("logits", head.VocabSize));
        string product = head.Bias is null ? "logits" : "product";
        string weight = head.Weight.Name;
        if (head.Transposed)
        {
            weight = "transposed_weight";
            graph.Node.Add(new NodeProto { OpType = "Transpose", Name = "/lm_head/Transpose", Input = { head.Weight.Name }, Output = { weight } });
        }
        graph.Node.Add(new NodeProto { OpType = "MatMul", Name = "/lm_head/MatMul", Input = { DecoderHead.HiddenOutput, weight }, Output = { product } });
        graph.Initializer.Add(head.Weight);
        if (head.Bias is not null)
        {
            graph.Node.Add(new NodeProto { OpType = "Add", Name = "/lm_head/Add", Input = { product, head.Bias.Name }, Output = { "logits" } });
            graph.Initializer.Add(head.Bias);
        }
        return OnnxGraph.Model(graph).ToByteArray();
    }

    private static ValueInfoProto Tensor(string name, long last)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch_size" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "decoder_sequence_length" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = last });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
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
