using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tarjama.Decoding;

/// <summary>Keeps the n highest (score, beam, token) candidates seen, best first: the top-k over all beams of a
/// sentence that beam search needs, without sorting whole vocabularies. Most scores fail one vector compare.</summary>
internal sealed class TopCandidates(int capacity)
{
    private readonly float[] _scores = new float[capacity];
    private readonly int[] _beams = new int[capacity];
    private readonly int[] _tokens = new int[capacity];

    public int Count { get; private set; }

    public float Score(int i) => _scores[i];
    public int Beam(int i) => _beams[i];
    public int Token(int i) => _tokens[i];

    public void Clear() => Count = 0;

    /// <summary>Offers every token of one beam, scored <c>scores[token] + offset</c> (the beam's running sum, added in
    /// float as the reference adds it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int beam, ReadOnlySpan<float> scores, float offset)
    {
        int width = Vector<float>.Count;
        var shift = new Vector<float>(offset);
        int i = 0;
        for (; i + width <= scores.Length; i += width)
        {
            if (Count == capacity && !Vector.GreaterThanAny(new Vector<float>(scores[i..]) + shift, new Vector<float>(_scores[capacity - 1])))
            {
                continue;
            }
            for (int j = i; j < i + width; j++)
            {
                Offer(scores[j] + offset, beam, j);
            }
        }
        for (; i < scores.Length; i++)
        {
            Offer(scores[i] + offset, beam, i);
        }
    }

    private void Offer(float score, int beam, int token)
    {
        if (Count == capacity && !(score > _scores[capacity - 1]))
        {
            return;
        }
        int position = Count == capacity ? capacity - 1 : Count++;
        // Equal scores keep their arrival order (lower beam, then lower token first), as a stable top-k would.
        while (position > 0 && score > _scores[position - 1])
        {
            _scores[position] = _scores[position - 1];
            _beams[position] = _beams[position - 1];
            _tokens[position] = _tokens[position - 1];
            position--;
        }
        _scores[position] = score;
        _beams[position] = beam;
        _tokens[position] = token;
    }
}
