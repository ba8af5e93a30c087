using System.Globalization;
using System.Runtime.InteropServices;
using Tarjama.Conversion.Onnx;

namespace Tarjama.Engine;

/// <summary>Reads a float initializer's bytes where the model keeps them: inline, or in its external data file
/// (ONNX's <c>location</c>/<c>offset</c>/<c>length</c> entries, relative to the model's folder).</summary>
internal static class InitializerStream
{
    public static Stream Open(TensorProto tensor, string modelFolder)
    {
        long expected = tensor.Dims.Aggregate(1L, (a, b) => a * b) * sizeof(float);
        if (tensor.DataLocation != TensorProto.Types.DataLocation.External)
        {
            // Exporters write weights as raw bytes (the trimmed onnx.proto here has no typed value fields), read in place.
            if (tensor.RawData.Length != expected || !MemoryMarshal.TryGetArray(tensor.RawData.Memory, out var bytes))
            {
                throw Broken(tensor, $"{tensor.RawData.Length} bytes, expected {expected}");
            }
            return new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        }
        var entries = tensor.ExternalData.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        string location = entries.GetValueOrDefault("location") ?? throw Broken(tensor, "external data without a location");
        long offset = entries.TryGetValue("offset", out var o) ? long.Parse(o, CultureInfo.InvariantCulture) : 0;
        long length = entries.TryGetValue("length", out var l) ? long.Parse(l, CultureInfo.InvariantCulture) : expected;
        string path = Path.GetFullPath(Path.Combine(modelFolder, location));
        if (length != expected || !File.Exists(path) || new FileInfo(path).Length < offset + length)
        {
            throw Broken(tensor, $"{location} does not hold its {expected} bytes at offset {offset}");
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        stream.Position = offset;
        return stream;
    }

    private static TarjamaException Broken(TensorProto tensor, string why) => new($"decoder weight {tensor.Name}: {why}");
}
