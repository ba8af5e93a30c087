using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

/// <summary>BLEU against the expected values of sacreBLEU's own tests (test_bleu.py, test_sentence_bleu.py) and README.</summary>
public class BleuTests
{
    private static References Refs(params string[][] streams) => References.FromStreams(streams);

    [Fact]
    public void Corpus_with_two_references_matches_sacrebleu_readme()
    {
        var score = new Bleu().Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References);

        Assert.Equal(48.530827, score.Score, 1e-6);
        Assert.Equal([14L, 7, 5, 3], score.Counts);
        Assert.Equal([17L, 14, 11, 8], score.Totals);
        Assert.Equal("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1 = 48.53 82.4/50.0/45.5/37.5 "
            + "(BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)", score.Format(2));
    }

    [Fact]
    public void Empty_hypotheses_are_scored_not_dropped()
    {
        var score = new Bleu().Score(["", "", ""], SacreBleuExamples.References);

        Assert.Equal(0.0, score.Score);
        Assert.Equal(0, score.HypothesisLength);
        Assert.Equal(0.0, score.BrevityPenalty);
    }

    [Fact]
    public void An_empty_reference_is_no_reference_and_the_signature_says_var()
    {
        string[] first = ["", .. SacreBleuExamples.FirstReferences[1..]];

        var score = new Bleu().Score(SacreBleuExamples.Hypotheses, Refs(first, SacreBleuExamples.SecondReferences));

        Assert.Equal("BLEU|nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1 = 29.44 82.4/42.9/27.3/12.5 "
            + "(BP = 0.889 ratio = 0.895 hyp_len = 17 ref_len = 19)", score.Format(2));
    }

    [Fact]
    public void No_smoothing_gives_the_same_corpus_score_when_every_order_matches()
    {
        var score = new Bleu(new BleuOptions { Smoothing = BleuSmoothing.None }).Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References);

        Assert.Equal(48.530827, score.Score, 1e-6);
    }

    [Theory]
    [InlineData(1, "77.65")]
    [InlineData(2, "60.50")]
    [InlineData(3, "53.93")]
    [InlineData(4, "48.53")]
    [InlineData(5, "46.14")]
    [InlineData(6, "43.28")]
    public void Maximum_ngram_order(int order, string expected)
    {
        var score = new Bleu(new BleuOptions { MaxNgramOrder = order }).Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References);

        Assert.Equal(expected, score.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Statistics_of_one_segment()
    {
        var score = new Bleu().Score(["am I am a character sequence"], Refs(["I am a symbol string sequence a a"]));

        Assert.Equal([4L, 2, 1, 0], score.Counts);
        Assert.Equal([6L, 5, 4, 3], score.Totals);
    }

    // sacreBLEU's raw_corpus_bleu: floor smoothing with effective order (13a splits these inputs as 'none' does).
    [Theory]
    [InlineData(new[] { "this is a test", "another test" }, new[] { "ref1", "ref2" }, 0.0)]
    [InlineData(new[] { "this is a test" }, new[] { "this is a test" }, 100.0)]
    [InlineData(new[] { "this is a fest" }, new[] { "this is a test" }, 22.3606797749979)]
    [InlineData(new[] { "test" }, new[] { "a test" }, 36.78794411714425)]
    [InlineData(new[] { "a test" }, new[] { "a test" }, 100.0)]
    [InlineData(new[] { "a little test" }, new[] { "a test" }, 3.218297948685433)]
    public void Floor_smoothing_with_effective_order(string[] hypotheses, string[] references, double expected)
    {
        var bleu = new Bleu(new BleuOptions { Smoothing = BleuSmoothing.Floor, SmoothValue = 0.01, EffectiveOrder = true });

        Assert.Equal(expected, bleu.Score(hypotheses, Refs(references)).Score, 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(null, 15.55722182)]
    public void Floor_value_defaults_to_one_tenth(double? floor, double expected)
    {
        var bleu = new Bleu(new BleuOptions { Smoothing = BleuSmoothing.Floor, SmoothValue = floor, EffectiveOrder = true });

        var score = bleu.Score(["am I am a character sequence"], Refs(["I am a symbol string sequence a a"]));

        Assert.Equal(expected, score.Score, 1e-6);
    }

    [Fact]
    public void Score_from_statistics()
    {
        var statistics = Statistics([9, 7, 5, 3], [10, 8, 6, 4], 11, 11);

        var score = Bleu.Compute(statistics, new BleuOptions { Smoothing = BleuSmoothing.None }, "1");

        Assert.Equal(83.75922397, score.Score, 1e-6);
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 4, 4, 2, 1 }, 0, 1, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 10, 11, 12, 0 }, 14, 10, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 0, 0, 0.0)]
    [InlineData(new long[] { 6, 5, 4, 0 }, new long[] { 6, 5, 4, 3 }, 6, 6, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 0, 0, 0.1)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 1, 5, 0.01)]
    public void Degenerate_statistics_score_zero(long[] matches, long[] totals, long hypothesisLength, long referenceLength, double floor)
    {
        var options = new BleuOptions { Smoothing = BleuSmoothing.Floor, SmoothValue = floor };

        Assert.Equal(0.0, Bleu.Compute(Statistics(matches, totals, hypothesisLength, referenceLength), options, "1").Score);
    }

    // test_sentence_bleu.py: example from sacreBLEU issue #98 (Romanian, with both cedilla and comma-below letters).
    private const string RomanianReference = "producţia de zahăr brut se exprimă în zahăr alb;";
    private const string RomanianHypothesis = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    [Theory]
    [InlineData(BleuSmoothing.Exp, null, 8.493)]
    [InlineData(BleuSmoothing.None, null, 0.0)]
    [InlineData(BleuSmoothing.Floor, null, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.1, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.5, 10.10)]
    [InlineData(BleuSmoothing.AddK, null, 14.882)]
    [InlineData(BleuSmoothing.AddK, 1.0, 14.882)]
    [InlineData(BleuSmoothing.AddK, 2.0, 21.389)]
    public void Sentence_bleu_with_each_smoothing(BleuSmoothing smoothing, double? value, double expected)
    {
        var bleu = new Bleu(new BleuOptions { Smoothing = smoothing, SmoothValue = value });

        Assert.Equal(expected, bleu.ScoreSentence(RomanianHypothesis, [RomanianReference]).Score, 1e-3);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exp, null)]
    [InlineData(BleuSmoothing.None, null)]
    [InlineData(BleuSmoothing.Floor, null)]
    [InlineData(BleuSmoothing.Floor, 0.1)]
    [InlineData(BleuSmoothing.AddK, null)]
    [InlineData(BleuSmoothing.AddK, 1.0)]
    public void Sentence_without_any_match_scores_zero(BleuSmoothing smoothing, double? value)
    {
        var bleu = new Bleu(new BleuOptions { Smoothing = smoothing, SmoothValue = value });

        Assert.Equal(0.0, bleu.ScoreSentence("this is a cat", ["okay thanks"]).Score);
    }

    [Fact]
    public void Sentence_signature_says_effective_order()
    {
        var score = new Bleu().ScoreSentence("The dog bit the man.", ["The dog bit the man."]);

        Assert.Equal("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.5.1", score.Signature);
        Assert.Equal(100.0, score.Score, 1e-9);
    }

    [Theory]
    [InlineData(BleuSmoothing.Floor, null, "floor[0.10]")]
    [InlineData(BleuSmoothing.AddK, 2.0, "add-k[2.00]")]
    [InlineData(BleuSmoothing.None, null, "none")]
    public void Signature_names_the_smoothing_and_its_value(BleuSmoothing smoothing, double? value, string expected)
    {
        var score = new Bleu(new BleuOptions { Smoothing = smoothing, SmoothValue = value }).Score(["a"], Refs(["a"]));

        Assert.Contains($"|smooth:{expected}|", score.Signature);
    }

    [Fact]
    public void Closest_reference_length_prefers_the_shorter_of_two_equally_close()
    {
        Assert.Equal(4, Bleu.ClosestLength(5, [6, 4]));
        Assert.Equal(6, Bleu.ClosestLength(6, [3, 6, 9]));
    }

    [Fact]
    public void Arabic_hypothesis_equal_to_its_reference_scores_100()
    {
        string arabic = "أعرب أعضاء جمعية ويلز الوطنية عن قلقهم من \"أنهم يبدون كالدمى\"";

        Assert.Equal(100.0, new Bleu().Score([arabic], Refs([arabic])).Score, 1e-9);
    }

    private static BleuStatistics Statistics(long[] matches, long[] totals, long hypothesisLength, long referenceLength)
    {
        var statistics = new BleuStatistics(matches.Length) { HypothesisLength = hypothesisLength, ReferenceLength = referenceLength };
        matches.CopyTo(statistics.Matches, 0);
        totals.CopyTo(statistics.Totals, 0);
        return statistics;
    }
}
