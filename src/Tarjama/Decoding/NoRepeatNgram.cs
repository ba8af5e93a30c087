namespace Tarjama.Decoding;

/// <summary>Bans any token that would repeat an n-gram already in the sequence (NoRepeatNGramLogitsProcessor).</summary>
public sealed class NoRepeatNgram(int size) : ILogitsProcessor
{
    public bool KeepsOrder => true;

    public void Process(ReadOnlySpan<int> sequence, Span<float> scores)
    {
        int length = sequence.Length;
        if (length + 1 < size)
        {
            return;
        }
        var prefix = sequence[(length - size + 1)..];
        for (int start = 0; start + size <= length; start++)
        {
            if (sequence.Slice(start, size - 1).SequenceEqual(prefix))
            {
                scores[sequence[start + size - 1]] = float.NegativeInfinity;
            }
        }
    }
}
