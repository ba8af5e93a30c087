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
