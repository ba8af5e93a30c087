using Tarjama.Conversion.Onnx;

namespace Tarjama.Conversion;

/// <summary>
/// A weight planned for an ONNX file: its name, element type and shape are known up front, its bytes are produced
/// only when the file is written, straight into the file, so a converted model never sits whole in memory.
/// </summary>
internal sealed record InitializerData(string Name, TensorProto.Types.DataType DataType, long[] Dims, long ByteLength, Action<Stream> WriteBytes)
{
    public static InitializerData FromBytes(string name, TensorProto.Types.DataType dataType, long[] dims, byte[] bytes) =>
        new(name, dataType, dims, bytes.Length, stream => stream.Write(bytes));

    public static InitializerData FromFloats(string name, long[] dims, float[] values) =>
        FromBytes(name, TensorProto.Types.DataType.Float, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public static InitializerData FromInt64s(string name, long[] dims, long[] values) =>
        FromBytes(name, TensorProto.Types.DataType.Int64, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    /// <summary>The tensor's description without its bytes.</summary>
    public TensorProto Header()
    {
        var tensor = new TensorProto { Name = Name, DataType = (int)DataType };
        tensor.Dims.AddRange(Dims);
        return tensor;
    }
}
