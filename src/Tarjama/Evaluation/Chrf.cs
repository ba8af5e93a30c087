namespace Tarjama.Evaluation;

/// <summary>chrF (Popović 2015) and chrF++ (Popović 2017) exactly as sacreBLEU 2.x computes them.</summary>
public sealed class Chrf : ITranslationMetric
{
    // chrF++'s word tokenizer splits off these (Python's string.punctuation) at the start or end of a word.
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private const double Epsilon = 1e-16;

    public Chrf(ChrfOptions? options = null)
    {
        Options = options ?? new ChrfOptions();
        if (Options.CharOrder < 0 || Options.WordOrder < 0 || Options.CharOrder + Options.WordOrder == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "chrF needs at least one character or word order");
        }
    }

    public ChrfOptions Options { get; }

    public string Key => "chrf" + new string('+', Options.WordOrder);

    private int Orders => Options.CharOrder + Options.WordOrder;

    public ChrfScore Score(IReadOnlyList<string> hypotheses, References references)
    {
        references.CheckAligned(hypotheses.Count);
        var corpus = new long[3 * Orders];
        for (int i = 0; i < hypotheses.Count; i++)
        {
            var segment = SegmentStatistics(hypotheses[i], references[i]);
            for (int k = 0; k < corpus.Length; k++)
            {
                corpus[k] += segment[k];
            }
        }
        return new ChrfScore(FScore(corpus), Signature(references.CountLabel), Options.CharOrder, Options.WordOrder, Options.Beta);
    }

    public ChrfScore ScoreSentence(string hypothesis, IReadOnlyList<string> references) =>
        Score([hypothesis], References.ForSentence(references));

    MetricScore ITranslationMetric.Score(IReadOnlyList<string> hypotheses, References references) => Score(hypotheses, references);

    MetricScore ITranslationMetric.ScoreSentence(string hypothesis, IReadOnlyList<string> references) => ScoreSentence(hypothesis, references);

    /// <summary>For each order, the triple (hypothesis n-grams, reference n-grams, matches) against the best reference.</summary>
    private long[] SegmentStatistics(string hypothesis, IReadOnlyList<string> references)
    {
        var hypothesisNgrams = NGrams(hypothesis);
        long[] best = [];
        double bestScore = -1;
        foreach (string reference in references)
        {
            var referenceNgrams = NGrams(reference);
            var statistics = new long[3 * Orders];
            for (int order = 0; order < Orders; order++)
            {
                var (hyp, refs) = (hypothesisNgrams[order], referenceNgrams[order]);
                // An order the reference has no n-grams of does not count the hypothesis' n-grams either.
                statistics[3 * order] = refs.Count > 0 ? NGramCounts.Total(hyp) : 0;
                statistics[3 * order + 1] = NGramCounts.Total(refs);
                statistics[3 * order + 2] = NGramCounts.Matches(hyp, refs);
            }
            double score = FScore(statistics);
            if (score > bestScore)
            {
                (best, bestScore) = (statistics, score);
            }
        }
        return best;
    }

    private List<Dictionary<string, int>> NGrams(string segment)
    {
        string characters = Options.IncludeWhitespace ? segment : PythonText.RemoveWhiteSpace(segment);
        var ngrams = Enumerable.Range(1, Options.CharOrder).Select(n => NGramCounts.OfCharacters(characters, n)).ToList();
        if (Options.WordOrder > 0)
        {
            var words = WordsWithPunctuationSplit(segment);
            ngrams.AddRange(Enumerable.Range(1, Options.WordOrder).Select(n => NGramCounts.OfWords(words, n)));
        }
        return ngrams;
    }

    /// <summary>chrF++'s words: one punctuation mark at the end of a word, or else at its start, becomes a word of its own.</summary>
    /// <remarks>Only one side is split, so "(hi)" gives "(hi" and ")", as in sacreBLEU (its issue #124).</remarks>
    internal static List<string> WordsWithPunctuationSplit(string segment)
    {
        var words = new List<string>();
        foreach (string word in PythonText.Split(segment))
        {
            if (word.Length == 1)
            {
                words.Add(word);
            }
            else if (Punctuation.Contains(word[^1]))
            {
                words.Add(word[..^1]);
                words.Add(word[^1..]);
            }
            else if (Punctuation.Contains(word[0]))
            {
                words.Add(word[..1]);
                words.Add(word[1..]);
            }
            else
            {
                words.Add(word);
            }
        }
        return words;
    }

    private double FScore(long[] statistics)
    {
        double factor = Options.Beta * Options.Beta;
        double epsScore = 0, averagePrecision = 0, averageRecall = 0;
        int effectiveOrder = 0;
        for (int order = 0; order < Orders; order++)
        {
            long hypothesisCount = statistics[3 * order], referenceCount = statistics[3 * order + 1], matches = statistics[3 * order + 2];
            double precision = hypothesisCount > 0 ? (double)matches / hypothesisCount : Epsilon;
            double recall = referenceCount > 0 ? (double)matches / referenceCount : Epsilon;
            double denominator = factor * precision + recall;
            epsScore += denominator > 0 ? (1 + factor) * precision * recall / denominator : Epsilon;
            if (hypothesisCount > 0 && referenceCount > 0)
            {
                averagePrecision += precision;
                averageRecall += recall;
                effectiveOrder++;
            }
        }

        if (Options.EpsSmoothing)
        {
            return 100 * epsScore / Orders;
        }
        if (effectiveOrder == 0)
        {
            return 0.0;
        }
        averagePrecision /= effectiveOrder;
        averageRecall /= effectiveOrder;
        if (averagePrecision + averageRecall == 0)
        {
            return 0.0;
        }
        double score = (1 + factor) * averagePrecision * averageRecall;
        score /= (factor * averagePrecision) + averageRecall;
        return 100 * score;
    }

    private string Signature(string referenceCount) => SacreBleuSignature.Format(referenceCount,
        ("eff", SacreBleuSignature.YesNo(!Options.EpsSmoothing)),
        ("nc", Options.CharOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("nw", Options.WordOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("space", SacreBleuSignature.YesNo(Options.IncludeWhitespace)));
}
