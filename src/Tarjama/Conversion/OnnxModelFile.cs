using Google.Protobuf;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Conversion;

/// <summary>
/// Writes a <c>ModelProto</c> whose initializers are streamed in one at a time: the graph is serialized without
/// them and each initializer is appended to the graph field (protobuf allows a message's fields in any order), so
/// only one weight's bytes are ever in memory. Past protobuf's 2 GB limit the weights go to an external data file
/// beside the model, as ONNX's external data format lays them out.
/// </summary>
internal static class OnnxModelFile
{
    /// <summary>Below protobuf's 2 GiB message limit, with room for the graph itself.</summary>
    public const long InlineLimit = 1_900_000_000;

    private const int GraphField = 7;
    private const int InitializerField = 5;
    private const int RawDataField = 9;
    private const long ExternalAlignment = 4096;

    // Tiny tensors stay in the model file even when the weights are external, as onnx's own converter does.
    private const long ExternalThreshold = 1024;

    /// <summary>Writes <paramref name="path"/> (and <c>path_data</c> when the weights pass <paramref name="inlineLimit"/>); returns the bytes written.</summary>
    public static long Write(string path, ModelProto model, IReadOnlyList<InitializerData> initializers, IProgress<long>? written = null, long inlineLimit = InlineLimit)
    {
        long total = initializers.Sum(i => i.ByteLength);
        bool external = total > inlineLimit;
        var dataName = Path.GetFileName(path) + "_data";
        using var modelStream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using var dataStream = external ? new FileStream(Path.Combine(Path.GetDirectoryName(path)!, dataName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20) : null;

        var headers = initializers.Select(i => (Data: i, Header: i.Header(), Inline: !external || i.ByteLength < ExternalThreshold)).ToList();
        long dataOffset = 0;
        foreach (var (data, header, inline) in headers.Where(h => !h.Inline))
        {
            dataOffset = Align(dataOffset);
            header.DataLocation = TensorProto.Types.DataLocation.External;
            header.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = dataName });
            header.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = dataOffset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            header.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = data.ByteLength.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            dataOffset += data.ByteLength;
        }

        var graph = model.Graph;
        var withoutGraph = model.Clone();
        withoutGraph.Graph = null;
        long graphLength = graph.CalculateSize() + headers.Sum(h => FieldLength(InitializerField, TensorLength(h.Header, h.Inline ? h.Data.ByteLength : null)));

        var output = new CodedOutputStream(modelStream, leaveOpen: true);
        withoutGraph.WriteTo(output);
        output.WriteTag(GraphField, WireFormat.WireType.LengthDelimited);
        output.WriteInt64(graphLength);
        graph.WriteTo(output);
        long done = 0;
        foreach (var (data, header, inline) in headers)
        {
            output.WriteTag(InitializerField, WireFormat.WireType.LengthDelimited);
            output.WriteInt64(TensorLength(header, inline ? data.ByteLength : null));
            header.WriteTo(output);
            if (inline)
            {
                output.WriteTag(RawDataField, WireFormat.WireType.LengthDelimited);
                output.WriteInt64(data.ByteLength);
                output.Flush();
                WriteExactly(data, modelStream);
            }
            else
            {
                dataStream!.Position = Align(dataStream.Position);
                WriteExactly(data, dataStream);
            }
            done += data.ByteLength;
            written?.Report(done);
        }
        output.Flush();
        modelStream.Flush(flushToDisk: true);
        dataStream?.Flush(flushToDisk: true);
        return modelStream.Length + (dataStream?.Length ?? 0);
    }

    private static long Align(long offset) => (offset + ExternalAlignment - 1) / ExternalAlignment * ExternalAlignment;

    private static long TensorLength(TensorProto header, long? rawLength) =>
        header.CalculateSize() + (rawLength is { } raw ? FieldLength(RawDataField, raw) : 0);

    private static long FieldLength(int field, long length) =>
        CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeInt64Size(length) + length;

    // A writer producing more or fewer bytes than planned would corrupt the file; that is a bug, not a user error.
    private static void WriteExactly(InitializerData data, Stream stream)
    {
        long before = stream.Position;
        data.WriteBytes(stream);
        if (stream.Position - before != data.ByteLength)
        {
            throw new InvalidOperationException($"initializer {data.Name}: wrote {stream.Position - before} bytes, planned {data.ByteLength}");
        }
    }
}
