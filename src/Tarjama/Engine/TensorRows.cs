using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace Tarjama.Engine;

/// <summary>Row (first-dimension) operations on ONNX tensors, used to follow beams and drop finished rows.</summary>
internal static class TensorRows
{
    /// <summary>A new tensor whose row i is row <c>rows[i]</c> of <paramref name="source"/>.</summary>
    public static OrtValue Gather(OrtValue source, ReadOnlySpan<int> rows)
    {
        var info = source.GetTensorTypeAndShape();
        long[] shape = info.Shape;
        long rowBytes = shape.Length == 0 || shape[0] == 0 ? 0 : source.GetTensorMutableRawData().Length / shape[0];
        shape[0] = rows.Length;
        var target = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, info.ElementDataType, shape);
        var from = source.GetTensorMutableRawData();
        var to = target.GetTensorMutableRawData();
        for (int i = 0; i < rows.Length; i++)
        {
            from.Slice((int)(rows[i] * rowBytes), (int)rowBytes).CopyTo(to.Slice((int)(i * rowBytes), (int)rowBytes));
        }
        return target;
    }

    /// <summary>Makes row i of <paramref name="tensor"/> its old row <c>rows[i]</c>, in place, copying only the rows
    /// that change (beams mostly keep their place): cheaper than a new tensor when the row count stays the same.</summary>
    public static void PermuteInPlace(OrtValue tensor, ReadOnlySpan<int> rows)
    {
        var data = tensor.GetTensorMutableRawData();
        int rowBytes = data.Length / rows.Length;
        byte[] stash = ArrayPool<byte>.Shared.Rent(rows.Length * rowBytes);
        int stashed = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] != i)
            {
                // Every source row is read before any row is written.
                data.Slice(rows[i] * rowBytes, rowBytes).CopyTo(stash.AsSpan(stashed++ * rowBytes));
            }
        }
        stashed = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] != i)
            {
                stash.AsSpan(stashed++ * rowBytes, rowBytes).CopyTo(data.Slice(i * rowBytes, rowBytes));
            }
        }
        ArrayPool<byte>.Shared.Return(stash);
    }

    /// <summary>Copies the rows of a group's tensor, padded to the group's length, into rows <paramref name="rows"/>
    /// of the batch's, padded to the batch's: each row is <paramref name="blocks"/> runs over the length (one for
    /// <c>[rows, length, d]</c>, heads for <c>[rows, heads, length, head size]</c>), and each run's positions past the
    /// group's length are zeroed.</summary>
    public static void Place(OrtValue part, ReadOnlySpan<int> rows, OrtValue batch, int blocks)
    {
        var from = part.GetTensorMutableRawData();
        var to = batch.GetTensorMutableRawData();
        int blockBytes = to.Length / ((int)batch.GetTensorTypeAndShape().Shape[0] * blocks);
        int partBlockBytes = from.Length / (rows.Length * blocks);
        for (int r = 0; r < rows.Length; r++)
        {
            for (int b = 0; b < blocks; b++)
            {
                var block = to.Slice((rows[r] * blocks + b) * blockBytes, blockBytes);
                from.Slice((r * blocks + b) * partBlockBytes, partBlockBytes).CopyTo(block);
                block[partBlockBytes..].Clear();
            }
        }
    }

    public static bool IsIdentity(ReadOnlySpan<int> rows, int count)
    {
        if (rows.Length != count)
        {
            return false;
        }
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] != i)
            {
                return false;
            }
        }
        return true;
    }

    public static OrtValue Int64(long[] values, params long[] shape) => OrtValue.CreateTensorValueFromMemory(values, shape);
}
