namespace Tarjama.Decoding;

/// <summary>Makes tokens already in the sequence less likely: a negative score is multiplied by the penalty, a
/// positive one divided (Hugging Face's RepetitionPenaltyLogitsProcessor; each token penalised once).</summary>
public sealed class RepetitionPenalty(float penalty) : ILogitsProcessor
{
    public bool KeepsOrder => true;

    public void Process(ReadOnlySpan<int> sequence, Span<float> scores)
    {
        // Read every original score before writing any, as the reference's gather-then-scatter does.
        Span<float> penalised = sequence.Length <= 512 ? stackalloc float[sequence.Length] : new float[sequence.Length];
        for (int i = 0; i < sequence.Length; i++)
        {
            float score = scores[sequence[i]];
            penalised[i] = score < 0 ? score * penalty : score / penalty;
        }
        for (int i = 0; i < sequence.Length; i++)
        {
            scores[sequence[i]] = penalised[i];
        }
    }
}
