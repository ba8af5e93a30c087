namespace Tarjama.Decoding;

/// <summary>The finished hypotheses of one sentence, at most <c>numBeams</c> of them, ranked by sum of
/// log-probabilities / length^length_penalty (Hugging Face's BeamHypotheses, same tie rules).</summary>
internal sealed class BeamHypotheses(int numBeams, float lengthPenalty, EarlyStopping earlyStopping, int maxLength)
{
    private readonly List<(double Score, int[] Tokens)> _beams = [];
    private double _worstScore = 1e9;

    public int Count => _beams.Count;

    /// <param name="tokens">Generated tokens (no decoder start).</param>
    /// <param name="generatedLength">Length the score is normalised by: generated tokens, end-of-sentence included.</param>
    public void Add(int[] tokens, float sumLogProbs, int generatedLength)
    {
        double score = sumLogProbs / Math.Pow(generatedLength, lengthPenalty);
        if (_beams.Count < numBeams || score > _worstScore)
        {
            _beams.Add((score, tokens));
            if (_beams.Count > numBeams)
            {
                var ranked = _beams.Select((b, i) => (b.Score, Index: i)).OrderBy(x => x.Score).ThenBy(x => x.Index).ToList();
                _beams.RemoveAt(ranked[0].Index);
                _worstScore = ranked[1].Score;
            }
            else
            {
                _worstScore = Math.Min(score, _worstScore);
            }
        }
    }

    /// <param name="bestSumLogProbs">The best running score among this step's candidates.</param>
    /// <param name="generatedLength">Generated length the candidates are scored at.</param>
    public bool IsDone(float bestSumLogProbs, int generatedLength)
    {
        if (_beams.Count < numBeams)
        {
            return false;
        }
        if (earlyStopping == EarlyStopping.Early)
        {
            return true;
        }
        int length = earlyStopping == EarlyStopping.Never && lengthPenalty > 0 ? maxLength - 1 : generatedLength;
        double highestAttainable = bestSumLogProbs / Math.Pow(length, lengthPenalty);
        return _worstScore >= highestAttainable;
    }

    /// <summary>The <paramref name="count"/> best hypotheses, best first; among equal scores the one added last
    /// first, as the reference's stable sort then pop from the end orders them.</summary>
    public IEnumerable<(double Score, int[] Tokens)> Best(int count) =>
        _beams.Select((beam, i) => (beam, i)).OrderByDescending(x => x.beam.Score).ThenByDescending(x => x.i).Take(count).Select(x => x.beam);
}
