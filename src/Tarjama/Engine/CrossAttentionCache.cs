using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Engine;

/// <summary>
/// The cross-attention keys and values of the split export's first step, cut out of <c>decoder_model.onnx</c>: the
/// nodes behind its <c>present.*.encoder.*</c> outputs (each layer's key and value projections of the encoder's
/// hidden states) as a graph of their own. The first step then runs in <c>decoder_with_past_model.onnx</c> with an
/// empty self-attention cache, like every later step, and the first graph's layers, embedding and projection are
/// never loaded, only these projections' weights (NLLB-600M's shape: 100 MB of the first graph's 2.9 GB).
/// </summary>
internal sealed class CrossAttentionCache(OnnxSession session, string[] inputs, string[] outputs) : IDisposable
{
    private const string LayerShape = "cross_attention_shape";

    // What the first step can give the cut-out graph, should it read more than the hidden states.
    private static readonly string[] FirstStepInputs = ["encoder_hidden_states", "input_ids", "encoder_attention_mask"];

    /// <summary>The graph behind <paramref name="outputs"/> in the first-step graph at <paramref name="path"/>;
    /// null when it cannot be cut out (a node with a subgraph on the way; the graph then runs whole).</summary>
    public static CrossAttentionCache? Open(string path, string[] outputs, int heads, int headSize, EngineOptions options, EngineStatistics statistics)
    {
        var model = OnnxSessionLoader.Parse(path);
        var extracted = model is null ? null : Extract(model, outputs, heads, headSize);
        if (extracted is null)
        {
            return null;
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var session = OnnxSessionLoader.Open(extracted.ToByteArray(), "cross-attention keys and values", folder, options, statistics);
        return new(session, [.. extracted.Graph.Input.Select(i => i.Name)], outputs);
    }

    /// <summary>Each layer's cross-attention key and value, in <see cref="OnnxDecoder"/>'s order, from the first
    /// step's inputs; owned by the caller. When the encoder ran in groups and the graph reads nothing but the hidden
    /// states, each group's keys and values are computed over its own length, not the batch's padded one (each
    /// position's are its own projection, the same either way), and zero past it, where the decoder masks them.</summary>
    public OrtValue[] Compute(EncoderState encoder, OrtValue startTokens)
    {
        if (encoder.Groups.Count == 0 || inputs is not ["encoder_hidden_states"])
        {
            return Run(encoder.Hidden, encoder.Mask, startTokens);
        }
        var shape = encoder.Hidden.GetTensorTypeAndShape().Shape;
        var full = new OrtValue[outputs.Length];
        try
        {
            foreach (var group in encoder.Groups)
            {
                var parts = Run(group.Hidden, encoder.Mask, startTokens);
                try
                {
                    // Each output is a tensor of its own, so they are copied in parallel.
                    Parallel.For(0, parts.Length, i =>
                    {
                        var info = parts[i].GetTensorTypeAndShape();
                        full[i] ??= OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, info.ElementDataType, [shape[0], info.Shape[1], shape[1], info.Shape[3]]);
                        TensorRows.Place(parts[i], group.Rows, full[i], blocks: (int)info.Shape[1]);
                    });
                }
                finally
                {
                    Array.ForEach(parts, p => p.Dispose());
                }
            }
            return full;
        }
        catch
        {
            Array.ForEach(full, f => f?.Dispose());
            throw;
        }
    }

    private OrtValue[] Run(OrtValue hidden, OrtValue mask, OrtValue startTokens)
    {
        var values = inputs.Select(name => name switch
        {
            "input_ids" => startTokens,
            "encoder_attention_mask" => mask,
            _ => hidden,
        }).ToArray();
        return [.. session.Run(inputs, values, outputs)];
    }

    /// <summary>The nodes of <paramref name="model"/> that <paramref name="outputs"/> need, with the initializers
    /// and the first step's inputs they read; null when they need a node with a subgraph or another input.</summary>
    internal static ModelProto? Extract(ModelProto model, string[] outputs, int heads, int headSize)
    {
        var graph = model.Graph;
        if (!outputs.All(name => graph.Output.Any(o => o.Name == name)))
        {
            return null;
        }
        var reshapes = LayerReshapes(graph, outputs);
        var needed = new HashSet<string>(outputs, StringComparer.Ordinal);
        var kept = new List<NodeProto>();
        // ONNX lists nodes in topological order: walked backwards, a node's consumers come before it.
        foreach (var original in graph.Node.Reverse())
        {
            var node = original;
            if (!node.Output.Any(needed.Contains))
            {
                continue;
            }
            if (reshapes.Contains(node))
            {
                node = node.Clone();
                node.Input[1] = LayerShape;
            }
            if (node.Attribute.Any(a => a.G is not null))
            {
                return null;
            }
            kept.Add(node);
            needed.UnionWith(node.Input.Where(input => input.Length > 0));
        }
        var initializers = graph.Initializer.Where(i => needed.Contains(i.Name)).ToList();
        if (reshapes.Count > 0)
        {
            var shape = new TensorProto { Name = LayerShape, DataType = (int)TensorProto.Types.DataType.Int64, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes<long>([0, -1, heads, headSize])) };
            shape.Dims.Add(4);
            initializers.Add(shape);
        }
        var inputs = graph.Input.Where(i => needed.Contains(i.Name) && initializers.All(w => w.Name != i.Name)).ToList();
        if (!inputs.All(i => FirstStepInputs.Contains(i.Name)))
        {
            return null;
        }
        var extracted = new GraphProto { Name = graph.Name + "_cross_attention" };
        kept.Reverse();
        extracted.Node.AddRange(kept);
        extracted.Input.AddRange(inputs);
        extracted.Initializer.AddRange(initializers);
        extracted.Output.AddRange(outputs.Select(name => graph.Output.First(o => o.Name == name)));
        var result = new ModelProto { IrVersion = model.IrVersion, ProducerName = model.ProducerName, Graph = extracted };
        result.OpsetImport.AddRange(model.OpsetImport);
        return result;
    }

    /// <summary>The reshapes of the outputs' <c>Transpose(Reshape(x), perm 0 2 1 3)</c>. Exports build their target
    /// shape from the decoder's batch size, which would bring the whole decoder up to that layer along; with
    /// <c>[0, -1, heads, head size]</c> (0: x's own batch, the same) they need x alone.</summary>
    private static HashSet<NodeProto> LayerReshapes(GraphProto graph, string[] outputs)
    {
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n, StringComparer.Ordinal);
        var reshapes = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        foreach (string output in outputs)
        {
            if (producers.GetValueOrDefault(output) is { OpType: "Transpose" } transpose
                && transpose.Attribute.Any(a => a.Name == "perm" && a.Ints.SequenceEqual([0L, 2L, 1L, 3L]))
                && producers.GetValueOrDefault(transpose.Input[0]) is { OpType: "Reshape", Input.Count: 2 } reshape
                && !reshape.Attribute.Any(a => a.Name == "allowzero" && a.I != 0))
            {
                reshapes.Add(reshape);
            }
        }
        return reshapes;
    }

    public void Dispose() => session.Dispose();
}
