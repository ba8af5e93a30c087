namespace Tarjama.Decoding;

/// <summary>Never generates the listed token sequences (NoBadWordsLogitsProcessor): a one-token entry is always
/// banned, a longer one bans its last token when the sequence ends with the rest. Entries equal to an
/// end-of-sentence id are ignored, as the reference does.</summary>
public sealed class BadWords(IReadOnlyList<int[]> sequences, IReadOnlyList<int> eosIds) : ILogitsProcessor
{
    private readonly int[][] _sequences = sequences.Where(s => s.Length > 0 && !(s.Length == 1 && eosIds.Contains(s[0]))).ToArray();

    public bool IsEmpty => _sequences.Length == 0;

    public bool KeepsOrder => true;

    public void Process(ReadOnlySpan<int> sequence, Span<float> scores)
    {
        foreach (var banned in _sequences)
        {
            var prefix = banned.AsSpan(0, banned.Length - 1);
            if (sequence.EndsWith(prefix) && (uint)banned[^1] < (uint)scores.Length)
            {
                scores[banned[^1]] = float.NegativeInfinity;
            }
        }
    }
}
