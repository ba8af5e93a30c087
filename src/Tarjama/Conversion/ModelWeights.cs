using System.Globalization;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Conversion;

/// <summary>The initializers of one ONNX model, by name: a weight asked for twice (by both branches of a merged
/// decoder, or by the embedding and a tied output projection) is planned once.</summary>
internal sealed class ModelWeights
{
    private readonly Dictionary<string, InitializerData> _byName = new(StringComparer.Ordinal);
    private readonly List<InitializerData> _inOrder = [];
    private readonly Dictionary<string, object> _memo = new(StringComparer.Ordinal);

    public IReadOnlyList<InitializerData> All => _inOrder;

    /// <summary>The initializer <paramref name="name"/>, planned by <paramref name="plan"/> the first time it is asked for.</summary>
    public string Get(string name, Func<string, InitializerData> plan)
    {
        if (!_byName.ContainsKey(name))
        {
            var data = plan(name);
            _byName[name] = data;
            _inOrder.Add(data);
        }
        return name;
    }

    /// <summary>A value computed from the weights once per model (quantization scales, read by both decoder branches).</summary>
    public T Memo<T>(string key, Func<T> compute)
        where T : notnull
    {
        if (!_memo.TryGetValue(key, out var value))
        {
            value = compute();
            _memo[key] = value;
        }
        return (T)value;
    }

    public string Int64Scalar(long value) =>
        Get($"const_i64_{value.ToString(CultureInfo.InvariantCulture)}", n => InitializerData.FromInt64s(n, [], [value]));

    /// <summary>A 1-D int64 constant, as Reshape, Unsqueeze and Slice want.</summary>
    public string Int64Vector(params long[] values) =>
        Get($"const_i64v_{string.Join('_', values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}",
            n => InitializerData.FromInt64s(n, [values.Length], values));

    public string Float(float value) =>
        Get($"const_f32_{value.ToString("R", CultureInfo.InvariantCulture)}", n => InitializerData.FromFloats(n, [], [value]));

    public long Bytes => _inOrder.Sum(i => i.ByteLength);

    /// <summary>An empty float tensor of the given shape (a merged decoder's unused cross-attention outputs).</summary>
    public string EmptyFloats(params long[] dims) =>
        Get($"const_empty_{string.Join('x', dims.Select(v => v.ToString(CultureInfo.InvariantCulture)))}",
            n => InitializerData.FromBytes(n, TensorProto.Types.DataType.Float, dims, []));
}
