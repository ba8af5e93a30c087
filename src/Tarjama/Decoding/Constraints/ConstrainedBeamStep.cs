namespace Tarjama.Decoding.Constraints;

/// <summary>One beam-search step for a sentence with terms, by dynamic beam allocation (Post and Vilar 2018): each beam
/// offers its best tokens, the tokens that advance its terms, and its best single token; candidates are ranked in
/// banks by how many term pieces they hold, and the beams are dealt out across the banks, the fullest first, best
/// score first within a bank. Only hypotheses that hold every term may end; when just enough steps are left, beams
/// may only advance their terms.</summary>
internal static class ConstrainedBeamStep
{
    // A term piece a logits processor ruled out (-inf) stays possible at a heavy cost, so the term can still be written.
    public const float RuledOutScore = -1e4f;

    private readonly record struct Candidate(int Beam, int Token, float Score);

    /// <param name="beams">The sentence's beams: tokens so far (decoder start included), running score, batch row.</param>
    /// <param name="length">The length the beams will have after this step, decoder start included.</param>
    /// <returns>The next beams, best first, and the best running score among them.</returns>
    public static (List<(int[] Sequence, float Score, int Row)> Next, float Best) Step(IDecoderBatch batch, IReadOnlyList<(int[] Sequence, float Score, int Row)> beams,
        IReadOnlyList<TermConstraint> terms, LogitsProcessorList processors, GenerationSettings settings, BeamHypotheses hypotheses, int length)
    {
        int beamCount = settings.NumBeams;
        var candidates = new List<Candidate>();
        var top = new TopCandidates(2 * beamCount);
        for (int j = 0; j < beams.Count; j++)
        {
            var (sequence, score, row) = beams[j];
            var scores = batch.Logits(row);
            LogSoftmax.Apply(scores);
            processors.Process(sequence, scores);
            var progress = ConstraintProgress.Of(sequence.AsSpan(1), terms);
            bool mustAdvance = !progress.AllMet && progress.UnmetTokens >= settings.MaxLength - length;
            var offered = new HashSet<int>(mustAdvance && progress.InProgress >= 0 ? [progress.NextOfInProgress] : progress.AdvancingTokens());
            if (!mustAdvance)
            {
                top.Clear();
                top.Add(j, scores, score);
                for (int rank = 0; rank < top.Count; rank++)
                {
                    offered.Add(top.Token(rank));
                }
            }
            foreach (int token in offered)
            {
                if (!settings.EosTokenIds.Contains(token) || progress.AllMet)
                {
                    candidates.Add(new Candidate(j, token, score + Math.Max(scores[token], RuledOutScore)));
                }
            }
        }
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var banks = new SortedDictionary<int, Queue<(int[] Sequence, float Score, int Row)>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        for (int rank = 0; rank < candidates.Count; rank++)
        {
            var (beam, token, score) = candidates[rank];
            int[] sequence = [.. beams[beam].Sequence, token];
            if (settings.EosTokenIds.Contains(token))
            {
                if (rank < beamCount)
                {
                    hypotheses.Add(sequence[1..], score, length - 1);
                }
                continue;
            }
            int bank = ConstraintProgress.Of(sequence.AsSpan(1), terms).Bank;
            if (!banks.TryGetValue(bank, out var queue))
            {
                banks[bank] = queue = new();
            }
            queue.Enqueue((sequence, score, beams[beam].Row));
        }
        var next = new List<(int[] Sequence, float Score, int Row)>(beamCount);
        while (next.Count < beamCount && banks.Values.Any(queue => queue.Count > 0))
        {
            foreach (var queue in banks.Values.Where(queue => queue.Count > 0))
            {
                if (next.Count < beamCount)
                {
                    next.Add(queue.Dequeue());
                }
            }
        }
        next.Sort((a, b) => b.Score.CompareTo(a.Score));
        return (next, next.Count > 0 ? next[0].Score : float.NegativeInfinity);
    }
}
