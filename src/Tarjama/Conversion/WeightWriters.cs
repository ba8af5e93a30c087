using System.Runtime.InteropServices;

namespace Tarjama.Conversion;

/// <summary>
/// Byte producers for initializers, reading the checkpoint a slice at a time so that no weight, however large (an
/// NLLB output projection is over 2 GB in fp32), is held whole: at most about 16 MB of floats are in memory.
/// </summary>
internal static class WeightWriters
{
    private const int ChunkFloats = 4 << 20;

    /// <summary>The tensor as stored, each value encoded by <paramref name="encode"/> (<paramref name="size"/> bytes).</summary>
    public static Action<Stream> AsStored(CheckpointTensor tensor, int size, Action<ReadOnlySpan<float>, Span<byte>> encode) => stream =>
    {
        var floats = new float[(int)Math.Min(tensor.Elements, ChunkFloats)];
        var bytes = new byte[floats.Length * size];
        for (long start = 0; start < tensor.Elements; start += floats.Length)
        {
            int count = (int)Math.Min(floats.Length, tensor.Elements - start);
            tensor.Read(start, floats.AsSpan(0, count));
            encode(floats.AsSpan(0, count), bytes.AsSpan(0, count * size));
            stream.Write(bytes, 0, count * size);
        }
    };

    /// <summary>A linear layer's weight <c>[out, in]</c> written transposed, <c>[in, out]</c>, as MatMul's B;
    /// <paramref name="encode"/> gets rows of the transposed matrix, so its column index is the output channel.</summary>
    public static Action<Stream> Transposed(CheckpointTensor tensor, int size, Action<ReadOnlySpan<float>, Span<byte>> encode) => stream =>
    {
        long outputs = tensor.Rows, inputs = tensor.Columns;
        int rowsPerChunk = (int)Math.Clamp(ChunkFloats / outputs, 1, inputs);
        var slice = new float[rowsPerChunk];
        var chunk = new float[rowsPerChunk * outputs];
        var bytes = new byte[chunk.Length * size];
        for (long first = 0; first < inputs; first += rowsPerChunk)
        {
            int rows = (int)Math.Min(rowsPerChunk, inputs - first);
            for (long o = 0; o < outputs; o++)
            {
                tensor.Read(o * inputs + first, slice.AsSpan(0, rows));
                for (int r = 0; r < rows; r++)
                {
                    chunk[r * outputs + o] = slice[r];
                }
            }
            int count = (int)(rows * outputs);
            encode(chunk.AsSpan(0, count), bytes.AsSpan(0, count * size));
            stream.Write(bytes, 0, count * size);
        }
    };

    public static void Float32(ReadOnlySpan<float> values, Span<byte> bytes) => MemoryMarshal.AsBytes(values).CopyTo(bytes);

    public static void Float16(ReadOnlySpan<float> values, Span<byte> bytes)
    {
        var halves = MemoryMarshal.Cast<byte, Half>(bytes);
        for (int i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
        }
    }

    /// <summary>Calls <paramref name="row"/> with each row of a 2-D tensor, in order.</summary>
    public static void ForEachRow(CheckpointTensor tensor, Action<long, ReadOnlySpan<float>> row)
    {
        var values = new float[tensor.Columns];
        for (long r = 0; r < tensor.Rows; r++)
        {
            tensor.Read(r * tensor.Columns, values);
            row(r, values);
        }
    }
}
