namespace Tarjama.Decoding;

/// <summary>At the last allowed step only end-of-sentence may follow (ForcedEOSTokenLogitsProcessor).</summary>
public sealed class ForcedEos(int maxLength, int eosId) : ILogitsProcessor
{
    public bool KeepsOrder => true;

    public void Process(ReadOnlySpan<int> sequence, Span<float> scores)
    {
        if (sequence.Length == maxLength - 1)
        {
            scores.Fill(float.NegativeInfinity);
            scores[eosId] = 0;
        }
    }
}
