using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tarjama.Decoding;

/// <summary>Log-softmax in place, in the order PyTorch computes it: (x - max) - log(sum(exp(x - max))).</summary>
public sealed class LogSoftmax : ILogitsProcessor
{
    public void Process(ReadOnlySpan<int> sequence, Span<float> scores) => Apply(scores);

    public static void Apply(Span<float> scores)
    {
        float max = TensorPrimitives.Max(scores);
        float sum = SumExp(scores, max, scores);
        TensorPrimitives.Subtract(scores, MathF.Log(sum), scores);
    }

    /// <summary>The log-probability of one token, leaving the scores as they are.</summary>
    public static float Of(ReadOnlySpan<float> scores, int token)
    {
        float max = TensorPrimitives.Max(scores);
        return scores[token] - max - MathF.Log(SumExp(scores, max, []));
    }

    // sum(exp(x - max)) in one pass, also writing x - max when a destination is given: instead of three passes
    // (subtract, exp into a scratch row, sum) on every vocabulary row of every step.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float SumExp(ReadOnlySpan<float> scores, float max, Span<float> shifted)
    {
        bool write = !shifted.IsEmpty;
        int i = 0;
        float sum = 0;
        if (Vector256.IsHardwareAccelerated && scores.Length >= Vector256<float>.Count)
        {
            var shift = Vector256.Create(max);
            var total = Vector256<float>.Zero;
            for (; i + Vector256<float>.Count <= scores.Length; i += Vector256<float>.Count)
            {
                var value = Vector256.Create(scores[i..]) - shift;
                if (write)
                {
                    value.CopyTo(shifted[i..]);
                }
                total += Vector256.Exp(value);
            }
            sum = Vector256.Sum(total);
        }
        for (; i < scores.Length; i++)
        {
            float value = scores[i] - max;
            if (write)
            {
                shifted[i] = value;
            }
            sum += MathF.Exp(value);
        }
        return sum;
    }
}
