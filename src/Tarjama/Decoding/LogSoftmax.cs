using System.Numerics.Tensors;

namespace Tarjama.Decoding;

/// <summary>Log-softmax in place, in the order PyTorch computes it: (x - max) - log(sum(exp(x - max))).</summary>
public sealed class LogSoftmax : ILogitsProcessor
{
    [ThreadStatic] private static float[]? _scratch;

    public void Process(ReadOnlySpan<int> sequence, Span<float> scores) => Apply(scores);

    public static void Apply(Span<float> scores)
    {
        float max = TensorPrimitives.Max(scores);
        TensorPrimitives.Subtract(scores, max, scores);
        if (_scratch is null || _scratch.Length < scores.Length)
        {
            _scratch = new float[scores.Length];
        }
        var exp = _scratch.AsSpan(0, scores.Length);
        TensorPrimitives.Exp(scores, exp);
        TensorPrimitives.Subtract(scores, MathF.Log(TensorPrimitives.Sum(exp)), scores);
    }
}
