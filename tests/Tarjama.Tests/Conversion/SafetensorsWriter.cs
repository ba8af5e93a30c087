using System.Text;
using System.Text.Json;

namespace Tarjama.Tests.Conversion;

/// <summary>Writes small safetensors files for tests, including malformed ones.</summary>
internal static class SafetensorsWriter
{
    /// <summary>A valid F32 file of the given tensors.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, (long[] Shape, float[] Values)> tensors)
    {
        var header = new Dictionary<string, object>();
        long offset = 0;
        foreach (var (name, (shape, values)) in tensors)
        {
            header[name] = new { dtype = "F32", shape, data_offsets = new[] { offset, offset + values.Length * 4L } };
            offset += values.Length * 4L;
        }
        var data = tensors.Values.SelectMany(t => t.Values.SelectMany(BitConverter.GetBytes)).ToArray();
        WriteRaw(path, JsonSerializer.Serialize(header), data);
    }

    /// <summary>Any header text and data bytes, as a safetensors file lays them out.</summary>
    public static void WriteRaw(string path, string header, byte[] data)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        using var stream = File.Create(path);
        stream.Write(BitConverter.GetBytes((long)headerBytes.Length));
        stream.Write(headerBytes);
        stream.Write(data);
    }

    public static float[] Random(int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale)];
    }
}
