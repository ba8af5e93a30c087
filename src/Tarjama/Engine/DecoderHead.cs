using Tarjama.Conversion.Onnx;

namespace Tarjama.Engine;

/// <summary>
/// The decoder's output projection, <c>logits = hidden · W</c> (plus Marian's <c>final_logits_bias</c>), as the last
/// nodes of an exported decoder graph. <see cref="TryCut"/> takes it off the graph, which then returns the last
/// hidden states: the projection is a third of a step on opus-mt's shape and more than half on NLLB's (a 256k
/// vocabulary), and greedy search can compute it for far fewer tokens (<see cref="ShortlistProjection"/>).
/// </summary>
/// <param name="Weight">W, <c>[d_model, vocab]</c>, as the graph stores it (inline or in its external data file); or,
/// when <paramref name="Transposed"/>, the tied embedding <c>[vocab, d_model]</c> that the graph transposes into W.</param>
/// <param name="Bias">The bias initializer, when the graph adds one.</param>
internal sealed record DecoderHead(TensorProto Weight, bool Transposed, TensorProto? Bias)
{
    /// <summary>The cut graph's output in place of <c>logits</c>: <c>[batch, 1, d_model]</c>.</summary>
    public const string HiddenOutput = "decoder_hidden_state";

    public int ModelDim => (int)Weight.Dims[Transposed ? 1 : 0];

    public int VocabSize => (int)Weight.Dims[Transposed ? 0 : 1];

    /// <summary>Cuts the projection off a plain decoder graph or off both branches of Optimum's merged one, in place;
    /// null (the model untouched) when the graph does not end that way (fp16 or quantized exports).</summary>
    public static DecoderHead? TryCut(ModelProto model)
    {
        var graph = model.Graph;
        int output = graph.Output.ToList().FindIndex(o => o.Name == "logits");
        if (output < 0)
        {
            return null;
        }
        var producer = graph.Node.FirstOrDefault(n => n.Output.Contains("logits"));
        if (producer?.OpType != "If")
        {
            var plain = Find(graph, graph, output);
            if (plain is null)
            {
                return null;
            }
            Cut(graph, plain, output, HiddenOutput);
            return Finish(model, plain);
        }
        // Merged: both branches must end in the same weights, shared from the top graph as Optimum's merge leaves them.
        var branches = producer.Attribute.Where(a => a.G is not null).Select(a => a.G).ToList();
        int index = producer.Output.IndexOf("logits");
        var found = branches.Select(b => Find(b, graph, index)).ToList();
        if (branches.Count != 2 || found.Any(f => f is null) || found[0]!.Weight.Name != found[1]!.Weight.Name
            || found[0]!.Transposed != found[1]!.Transposed || found[0]!.Bias?.Name != found[1]!.Bias?.Name)
        {
            return null;
        }
        for (int i = 0; i < branches.Count; i++)
        {
            Cut(branches[i], found[i]!, index, $"{HiddenOutput}_{branches[i].Name}");
        }
        producer.Output[index] = HiddenOutput;
        graph.Output[output] = HiddenInfo(HiddenOutput, graph.Output[output], found[0]!.ModelDim);
        return Finish(model, found[0]!);
    }

    /// <summary>The nodes to remove and the weights they read, when <paramref name="graph"/>'s output number
    /// <paramref name="output"/> is <c>MatMul(hidden, W)</c> or <c>Add(MatMul(hidden, W), bias)</c>, W an initializer
    /// or the <c>Transpose</c> of one (a tied embedding).</summary>
    private static Found? Find(GraphProto graph, GraphProto top, int output)
    {
        string logits = graph.Output[output].Name;
        var last = graph.Node.FirstOrDefault(n => n.Output.Contains(logits));
        if (last is null || graph.Node.Any(n => n.Input.Contains(logits)))
        {
            return null;
        }
        TensorProto? bias = null;
        var matMul = last;
        if (last.OpType == "Add" && last.Input.Count == 2)
        {
            int biasIndex = Initializer(graph, top, last.Input[1]) is not null ? 1 : 0;
            bias = Initializer(graph, top, last.Input[biasIndex]);
            string product = last.Input[1 - biasIndex];
            matMul = graph.Node.FirstOrDefault(n => n.Output.Contains(product));
            bool productUsedElsewhere = graph.Node.Count(n => n.Input.Contains(product)) != 1;
            if (bias is null || bias.DataType != (int)TensorProto.Types.DataType.Float || productUsedElsewhere)
            {
                return null;
            }
        }
        if (matMul is not { OpType: "MatMul" } || matMul.Input.Count != 2)
        {
            return null;
        }
        var nodes = new List<NodeProto> { matMul };
        if (matMul != last)
        {
            nodes.Add(last);
        }
        var weight = Initializer(graph, top, matMul.Input[1]);
        bool transposed = false;
        if (weight is null && graph.Node.FirstOrDefault(n => n.Output.Contains(matMul.Input[1])) is { OpType: "Transpose" } transpose
            && transpose.Attribute.All(a => a.Name != "perm" || a.Ints.SequenceEqual([1L, 0L]))
            && graph.Node.Count(n => n.Input.Contains(matMul.Input[1])) == 1)
        {
            weight = Initializer(graph, top, transpose.Input[0]);
            transposed = true;
            nodes.Add(transpose);
        }
        var found = weight is { Dims.Count: 2 } && weight.DataType == (int)TensorProto.Types.DataType.Float ? new Found(matMul.Input[0], weight, transposed, bias, [.. nodes]) : null;
        return found is not null && (bias is null || bias.Dims.Aggregate(1L, (a, b) => a * b) == found.VocabSize) ? found : null;
    }

    private static TensorProto? Initializer(GraphProto graph, GraphProto top, string name) =>
        graph.Initializer.FirstOrDefault(i => i.Name == name) ?? top.Initializer.FirstOrDefault(i => i.Name == name);

    private static void Cut(GraphProto graph, Found found, int output, string hiddenName)
    {
        foreach (var node in found.Nodes)
        {
            graph.Node.Remove(node);
        }
        graph.Node.Add(new NodeProto { OpType = "Identity", Name = $"{hiddenName}/Identity", Input = { found.Hidden }, Output = { hiddenName } });
        graph.Output[output] = HiddenInfo(hiddenName, graph.Output[output], found.ModelDim);
    }

    /// <summary>The logits' declared batch and length dimensions, with d_model last.</summary>
    private static ValueInfoProto HiddenInfo(string name, ValueInfoProto logits, long modelDim)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = new TensorShapeProto() };
        var dims = logits.Type?.TensorType?.Shape?.Dim;
        if (dims is { Count: 3 })
        {
            tensor.Shape.Dim.Add(dims[0]);
            tensor.Shape.Dim.Add(dims[1]);
        }
        else
        {
            tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch_size" });
            tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "decoder_sequence_length" });
        }
        tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = modelDim });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    /// <summary>Drops W from the graph (nothing reads it now, and it is the size of the rest of the decoder).</summary>
    private static DecoderHead Finish(ModelProto model, Found found)
    {
        var read = new HashSet<string>(Graphs(model.Graph).SelectMany(g => g.Node).SelectMany(n => n.Input), StringComparer.Ordinal);
        foreach (var graph in Graphs(model.Graph))
        {
            foreach (var unused in graph.Initializer.Where(i => (i.Name == found.Weight.Name || i.Name == found.Bias?.Name) && !read.Contains(i.Name)).ToList())
            {
                graph.Initializer.Remove(unused);
            }
        }
        return new DecoderHead(found.Weight, found.Transposed, found.Bias);
    }

    private static IEnumerable<GraphProto> Graphs(GraphProto graph) =>
        graph.Node.SelectMany(n => n.Attribute).Where(a => a.G is not null).SelectMany(a => Graphs(a.G)).Prepend(graph);

    private sealed record Found(string Hidden, TensorProto Weight, bool Transposed, TensorProto? Bias, NodeProto[] Nodes)
    {
        public long ModelDim => Weight.Dims[Transposed ? 1 : 0];

        public long VocabSize => Weight.Dims[Transposed ? 0 : 1];
    }
}
