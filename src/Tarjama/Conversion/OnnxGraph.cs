using Google.Protobuf;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Conversion;

/// <summary>
/// A small ONNX graph builder: each call adds one node and returns the name of its output, so a layer reads as the
/// computation it is. Weights go to the model's <see cref="ModelWeights"/>, which a merged decoder's branches share.
/// </summary>
internal sealed class OnnxGraph(string name, ModelWeights weights, OnnxGraph? root = null)
{
    private readonly Dictionary<string, string> _prepared = new(StringComparer.Ordinal);
    private readonly List<NodeProto> _nodes = [];
    private readonly List<ValueInfoProto> _inputs = [];
    private readonly List<ValueInfoProto> _outputs = [];
    private int _next;

    public ModelWeights Weights { get; } = weights;

    public string Name { get; } = name;

    /// <summary>The model's top graph: where nodes that only transform weights go, so a merged decoder's two
    /// branches share their results (and ONNX Runtime folds them once).</summary>
    public OnnxGraph Root => root ?? this;

    /// <summary>The value <paramref name="build"/> makes in this graph, made once per <paramref name="key"/>.</summary>
    public string Prepared(string key, Func<OnnxGraph, string> build)
    {
        if (!_prepared.TryGetValue(key, out var value))
        {
            value = build(this);
            _prepared[key] = value;
        }
        return value;
    }

    /// <summary>Adds a graph input; a dimension is a number or a symbolic name.</summary>
    public string Input(string inputName, TensorProto.Types.DataType type, params object[] dims)
    {
        _inputs.Add(ValueInfo(inputName, type, dims));
        return inputName;
    }

    /// <summary>Exposes <paramref name="value"/> as the graph output <paramref name="outputName"/>.</summary>
    public void Output(string value, string outputName, TensorProto.Types.DataType type, params object[] dims)
    {
        if (value != outputName)
        {
            Node("Identity", [value], [outputName]);
        }
        _outputs.Add(ValueInfo(outputName, type, dims));
    }

    /// <summary>One node with one output.</summary>
    public string Op(string opType, string[] inputs, params (string Name, object Value)[] attributes) =>
        Ops(opType, inputs, 1, "", attributes)[0];

    /// <summary>A node of a contributed operator set (com.microsoft).</summary>
    public string MicrosoftOp(string opType, string[] inputs, params (string Name, object Value)[] attributes) =>
        Ops(opType, inputs, 1, "com.microsoft", attributes)[0];

    /// <summary>A node whose outputs get the given names (graph outputs made directly by a node, as an If's).</summary>
    public void Named(string opType, string[] inputs, IReadOnlyList<string> outputs, params (string Name, object Value)[] attributes) =>
        Node(opType, inputs, [.. outputs], "", attributes);

    public string[] Ops(string opType, string[] inputs, int outputs, string domain = "", params (string Name, object Value)[] attributes)
    {
        var names = Enumerable.Range(0, outputs).Select(_ => $"{Name}/{opType}_{_next++}").ToArray();
        Node(opType, inputs, names, domain, attributes);
        return names;
    }

    /// <summary>A 1-D int64 constant, shared by every graph of the model.</summary>
    public string Vector(params long[] values) => Weights.Int64Vector(values);

    public string Scalar(long value) => Weights.Int64Scalar(value);

    /// <summary>A float scalar constant.</summary>
    public string Float(float value) => Weights.Float(value);

    /// <summary>A model around <paramref name="graph"/>: ONNX opset 17 and ONNX Runtime's contributed operators.</summary>
    public static ModelProto Model(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "tarjama", ProducerVersion = "1", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        return model;
    }

    public GraphProto ToProto()
    {
        var graph = new GraphProto { Name = Name };
        graph.Node.AddRange(_nodes);
        graph.Input.AddRange(_inputs);
        graph.Output.AddRange(_outputs);
        return graph;
    }

    private void Node(string opType, string[] inputs, string[] outputs, string domain = "", params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{Name}/{opType}_node_{_nodes.Count}" };
        if (domain.Length > 0)
        {
            node.Domain = domain;
        }
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes.Select(a => Attribute(a.Name, a.Value)));
        _nodes.Add(node);
    }

    private static AttributeProto Attribute(string attributeName, object value) => value switch
    {
        long i => new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Int, I = i },
        int i => new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Int, I = i },
        float f => new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Float, F = f },
        string s => new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(s) },
        long[] ints => Ints(attributeName, ints),
        GraphProto g => new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Graph, G = g },
        TensorProto t => new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Tensor, T = t },
        _ => throw new ArgumentException($"attribute {attributeName}: unsupported value {value.GetType()}"),
    };

    private static AttributeProto Ints(string attributeName, long[] values)
    {
        var attribute = new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static ValueInfoProto ValueInfo(string valueName, TensorProto.Types.DataType type, object[] dims)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (dims.Length == 0)
        {
            // Unknown shape: the branches of a merged decoder give their outputs different shapes.
            return new ValueInfoProto { Name = valueName, Type = new TypeProto { TensorType = tensorType } };
        }
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims.Select(d => d switch
        {
            string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
            _ => new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) },
        }));
        tensorType.Shape = shape;
        return new ValueInfoProto { Name = valueName, Type = new TypeProto { TensorType = tensorType } };
    }
}
