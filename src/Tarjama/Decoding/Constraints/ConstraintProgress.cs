namespace Tarjama.Decoding.Constraints;

/// <summary>How far a generated sequence has got with its terms, read from the sequence alone: a term is met once its
/// pieces appear in a row; the term in progress is the unmet one whose longest prefix the sequence ends with.</summary>
internal sealed class ConstraintProgress
{
    private readonly IReadOnlyList<TermConstraint> _terms;
    private readonly bool[] _met;

    private ConstraintProgress(IReadOnlyList<TermConstraint> terms, bool[] met, int inProgress, int matched)
    {
        _terms = terms;
        _met = met;
        InProgress = inProgress;
        Matched = matched;
    }

    /// <summary>The unmet term the sequence has started, or -1.</summary>
    public int InProgress { get; }

    /// <summary>How many of <see cref="InProgress"/>'s pieces the sequence ends with.</summary>
    public int Matched { get; }

    public bool AllMet => _met.All(met => met);

    /// <summary>Pieces of the met terms plus those of the term in progress: the bank (Post and Vilar 2018) a
    /// hypothesis is ranked in.</summary>
    public int Bank => _terms.Where((_, i) => _met[i]).Sum(t => t.Tokens.Length) + Matched;

    /// <summary>Pieces of the unmet terms, counting the term in progress whole: what is left to write at most, even if
    /// the next token breaks off the term in progress.</summary>
    public int UnmetTokens => _terms.Where((_, i) => !_met[i]).Sum(t => t.Tokens.Length);

    /// <param name="generated">The tokens generated so far, without the decoder start token.</param>
    public static ConstraintProgress Of(ReadOnlySpan<int> generated, IReadOnlyList<TermConstraint> terms)
    {
        var met = new bool[terms.Count];
        int inProgress = -1;
        int matched = 0;
        for (int i = 0; i < terms.Count; i++)
        {
            var tokens = terms[i].Tokens;
            met[i] = generated.IndexOf(tokens) >= 0;
            if (met[i])
            {
                continue;
            }
            for (int k = Math.Min(tokens.Length - 1, generated.Length); k > matched; k--)
            {
                if (generated.EndsWith(tokens.AsSpan(0, k)))
                {
                    (inProgress, matched) = (i, k);
                    break;
                }
            }
        }
        return new ConstraintProgress(terms, met, inProgress, matched);
    }

    /// <summary>The next piece of the term in progress, or -1.</summary>
    public int NextOfInProgress => InProgress >= 0 ? _terms[InProgress].Tokens[Matched] : -1;

    /// <summary>Tokens that move toward meeting the terms: the next piece of the term in progress, and the first piece
    /// of every unmet term.</summary>
    public IEnumerable<int> AdvancingTokens()
    {
        if (InProgress >= 0)
        {
            yield return NextOfInProgress;
        }
        for (int i = 0; i < _terms.Count; i++)
        {
            if (!_met[i])
            {
                yield return _terms[i].Tokens[0];
            }
        }
    }

    /// <summary>The unmet term whose first piece scores best, to start when the model would rather end.</summary>
    public int BestUnmet(ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int i = 0; i < _terms.Count; i++)
        {
            if (!_met[i] && (best < 0 || scores[_terms[i].Tokens[0]] > scores[_terms[best].Tokens[0]]))
            {
                best = i;
            }
        }
        return best;
    }
}
