namespace Tarjama.Evaluation;

/// <summary>BLEU (Papineni et al. 2002) exactly as sacreBLEU 2.x computes it on detokenized text.</summary>
public sealed class Bleu : ITranslationMetric
{
    // Stands in for log(0), as sacreBLEU's my_log does.
    private const double LogOfZero = -9999999999;

    public Bleu(BleuOptions? options = null)
    {
        Options = options ?? new BleuOptions();
        if (Options.MaxNgramOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BLEU's maximum n-gram order must be at least 1");
        }
    }

    public BleuOptions Options { get; }

    public string Key => "bleu";

    public BleuScore Score(IReadOnlyList<string> hypotheses, References references)
    {
        references.CheckAligned(hypotheses.Count);
        var corpus = new BleuStatistics(Options.MaxNgramOrder);
        for (int i = 0; i < hypotheses.Count; i++)
        {
            corpus.Add(SegmentStatistics(hypotheses[i], references[i]));
        }
        return Compute(corpus, Options, references.CountLabel);
    }

    /// <summary>Sentence BLEU always uses the effective order, as sacreBLEU's <c>--sentence-level</c> and <c>sentence_bleu</c> do.</summary>
    public BleuScore ScoreSentence(string hypothesis, IReadOnlyList<string> references) =>
        new Bleu(Options with { EffectiveOrder = true }).Score([hypothesis], References.ForSentence(references));

    MetricScore ITranslationMetric.Score(IReadOnlyList<string> hypotheses, References references) => Score(hypotheses, references);

    MetricScore ITranslationMetric.ScoreSentence(string hypothesis, IReadOnlyList<string> references) => ScoreSentence(hypothesis, references);

    private BleuStatistics SegmentStatistics(string hypothesis, IReadOnlyList<string> references)
    {
        int maxOrder = Options.MaxNgramOrder;
        var hypothesisWords = Tokens(hypothesis);
        var referenceLengths = new List<int>();
        var referenceNgrams = new Dictionary<string, int>[maxOrder];
        foreach (string reference in references)
        {
            var words = Tokens(reference);
            referenceLengths.Add(words.Count);
            for (int n = 1; n <= maxOrder; n++)
            {
                var counts = NGramCounts.OfWords(words, n);
                // With several references, each n-gram may match as often as the reference that has it most.
                referenceNgrams[n - 1] = referenceNgrams[n - 1] is { } merged ? MaxOf(merged, counts) : counts;
            }
        }

        var statistics = new BleuStatistics(maxOrder)
        {
            HypothesisLength = hypothesisWords.Count,
            ReferenceLength = ClosestLength(hypothesisWords.Count, referenceLengths),
        };
        for (int n = 1; n <= maxOrder; n++)
        {
            var counts = NGramCounts.OfWords(hypothesisWords, n);
            statistics.Totals[n - 1] = NGramCounts.Total(counts);
            statistics.Matches[n - 1] = NGramCounts.Matches(counts, referenceNgrams[n - 1]);
        }
        return statistics;
    }

    private static List<string> Tokens(string segment) => PythonText.Split(Tokenizer13a.Tokenize(PythonText.TrimEnd(segment)));

    private static Dictionary<string, int> MaxOf(Dictionary<string, int> merged, Dictionary<string, int> counts)
    {
        foreach (var (ngram, count) in counts)
        {
            merged[ngram] = Math.Max(merged.GetValueOrDefault(ngram), count);
        }
        return merged;
    }

    /// <summary>The reference length closest to the hypothesis length; of two equally close, the shorter.</summary>
    internal static int ClosestLength(int hypothesisLength, IReadOnlyList<int> referenceLengths) =>
        referenceLengths.MinBy(length => (Math.Abs(hypothesisLength - length), length));

    internal static BleuScore Compute(BleuStatistics statistics, BleuOptions options, string referenceCount)
    {
        int maxOrder = options.MaxNgramOrder;
        long hypothesisLength = statistics.HypothesisLength, referenceLength = statistics.ReferenceLength;
        double brevityPenalty = hypothesisLength >= referenceLength ? 1.0
            : hypothesisLength > 0 ? Math.Exp(1 - (double)referenceLength / hypothesisLength) : 0.0;
        var precisions = new double[maxOrder];
        BleuScore Result(double score) => new(score, Signature(options, referenceCount), statistics.Matches, statistics.Totals,
            precisions, brevityPenalty, hypothesisLength, referenceLength);

        // No match at all scores 0 whatever the smoothing (sacreBLEU #141).
        if (statistics.Matches.All(count => count == 0))
        {
            return Result(0.0);
        }

        double smoothValue = options.SmoothValue ?? DefaultSmoothValue(options.Smoothing);
        double expDivisor = 1.0;
        int effectiveOrder = maxOrder;
        for (int n = 1; n <= maxOrder; n++)
        {
            double matches = statistics.Matches[n - 1], total = statistics.Totals[n - 1];
            if (options.Smoothing == BleuSmoothing.AddK && n > 1)
            {
                matches += smoothValue;
                total += smoothValue;
            }
            if (total == 0)
            {
                break;
            }
            if (options.EffectiveOrder)
            {
                effectiveOrder = n;
            }
            if (matches > 0)
            {
                precisions[n - 1] = 100.0 * matches / total;
            }
            else if (options.Smoothing == BleuSmoothing.Exp)
            {
                expDivisor *= 2;
                precisions[n - 1] = 100.0 / (expDivisor * total);
            }
            else if (options.Smoothing == BleuSmoothing.Floor)
            {
                precisions[n - 1] = 100.0 * smoothValue / total;
            }
        }

        double logSum = 0;
        for (int n = 0; n < effectiveOrder; n++)
        {
            logSum += precisions[n] == 0 ? LogOfZero : Math.Log(precisions[n]);
        }
        return Result(brevityPenalty * Math.Exp(logSum / effectiveOrder));
    }

    private static double DefaultSmoothValue(BleuSmoothing smoothing) => smoothing switch
    {
        BleuSmoothing.Floor => 0.1,
        BleuSmoothing.AddK => 1,
        _ => 0,
    };

    private static string Signature(BleuOptions options, string referenceCount)
    {
        string smoothing = options.Smoothing switch
        {
            BleuSmoothing.Exp => "exp",
            BleuSmoothing.None => "none",
            BleuSmoothing.Floor => "floor",
            _ => "add-k",
        };
        if (options.Smoothing is BleuSmoothing.Floor or BleuSmoothing.AddK)
        {
            smoothing += $"[{PythonFloatFormat.Fixed(options.SmoothValue ?? DefaultSmoothValue(options.Smoothing), 2)}]";
        }
        return SacreBleuSignature.Format(referenceCount,
            ("eff", SacreBleuSignature.YesNo(options.EffectiveOrder)),
            ("tok", Tokenizer13a.Signature),
            ("smooth", smoothing));
    }
}
