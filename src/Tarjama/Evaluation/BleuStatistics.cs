namespace Tarjama.Evaluation;

/// <summary>BLEU's sufficient statistics, which add up over segments.</summary>
internal sealed class BleuStatistics(int maxOrder)
{
    public long HypothesisLength { get; set; }

    /// <summary>Sum over segments of the reference length closest to the hypothesis length.</summary>
    public long ReferenceLength { get; set; }

    /// <summary>Matched n-grams of each order (index 0 is unigrams).</summary>
    public long[] Matches { get; } = new long[maxOrder];

    /// <summary>Hypothesis n-grams of each order.</summary>
    public long[] Totals { get; } = new long[maxOrder];

    public void Add(BleuStatistics other)
    {
        HypothesisLength += other.HypothesisLength;
        ReferenceLength += other.ReferenceLength;
        for (int n = 0; n < Matches.Length; n++)
        {
            Matches[n] += other.Matches[n];
            Totals[n] += other.Totals[n];
        }
    }
}
