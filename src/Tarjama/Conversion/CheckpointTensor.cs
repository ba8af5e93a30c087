using System.Runtime.InteropServices;

namespace Tarjama.Conversion;

/// <summary>The element types a checkpoint stores its weights in.</summary>
internal enum TensorDtype
{
    F32,
    F16,
    BF16,
}

internal static class TensorDtypes
{
    public static int Size(this TensorDtype dtype) => dtype == TensorDtype.F32 ? 4 : 2;

    public static TensorDtype? ParseSafetensors(string name) => name switch
    {
        "F32" => TensorDtype.F32,
        "F16" => TensorDtype.F16,
        "BF16" => TensorDtype.BF16,
        _ => null,
    };
}

/// <summary>One tensor of a checkpoint: where it is and how to read its values as float32, a range at a time.</summary>
internal sealed record CheckpointTensor(string Name, TensorDtype Dtype, long[] Shape, long Offset)
{
    public SafetensorsFile? File { get; init; }

    public long Elements => Shape.Aggregate(1L, (a, d) => a * d);

    public long ByteLength => Elements * Dtype.Size();

    /// <summary>Rows of a 2-D tensor ([out, in] for a linear layer's weight); 1-D tensors are one row.</summary>
    public long Rows => Shape.Length == 2 ? Shape[0] : 1;

    public long Columns => Shape.Length == 2 ? Shape[1] : Elements;

    /// <summary>Fills <paramref name="destination"/> with the values from element <paramref name="start"/> on.</summary>
    public unsafe void Read(long start, Span<float> destination)
    {
        if (start < 0 || start + destination.Length > Elements)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }
        var source = File!.Pointer(Offset + start * Dtype.Size());
        switch (Dtype)
        {
            case TensorDtype.F32:
                new ReadOnlySpan<float>(source, destination.Length).CopyTo(destination);
                break;
            case TensorDtype.F16:
                var halves = new ReadOnlySpan<Half>(source, destination.Length);
                for (int i = 0; i < halves.Length; i++)
                {
                    destination[i] = (float)halves[i];
                }
                break;
            default:
                // bfloat16 is the top half of a float32.
                var bits = new ReadOnlySpan<ushort>(source, destination.Length);
                var target = MemoryMarshal.Cast<float, uint>(destination);
                for (int i = 0; i < bits.Length; i++)
                {
                    target[i] = (uint)bits[i] << 16;
                }
                break;
        }
    }

    /// <summary>All values; only for tensors small enough to hold (biases, norms, one layer's matrices).</summary>
    public float[] ReadAll()
    {
        var values = new float[checked((int)Elements)];
        Read(0, values);
        return values;
    }
}
