using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

public class TranslationEvaluationTests
{
    private static readonly Dictionary<string, string> Table = new()
    {
        ["كلب"] = "The dog bit the man.",
        ["مفاجأة"] = "It wasn't surprising.",
        ["رجل"] = "The man had just bitten him.",
    };

    [Fact]
    public void Translates_then_scores_as_the_same_translations_would_score()
    {
        var settings = new EvaluationSettings(Metrics.Parse(Metrics.AllNames));

        var report = new TranslationEvaluation(new StandInTranslator(Table)).Evaluate(["كلب", "مفاجأة", "رجل"], SacreBleuExamples.References, settings);

        var expected = HypothesisScorer.Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References, settings);
        Assert.Equal(expected.Metrics.Select(m => m.Corpus.Score), report.Metrics.Select(m => m.Corpus.Score));
        Assert.Equal(48.530827, report.Metrics[0].Corpus.Score, 1e-6);
        Assert.Equal(3, report.Throughput!.Sentences);
        Assert.True(report.Throughput.WallTime >= TimeSpan.Zero);
    }

    [Fact]
    public void Sources_and_references_must_have_as_many_lines()
    {
        var evaluation = new TranslationEvaluation(new StandInTranslator(Table));

        Assert.Throws<TarjamaException>(() =>
            evaluation.Evaluate(["كلب"], SacreBleuExamples.References, new EvaluationSettings([new Bleu()])));
    }

    [Fact]
    public void Sentence_level_scores_each_sentence_with_every_metric()
    {
        var settings = new EvaluationSettings([new Bleu(), new Chrf()], SentenceLevel: true);

        var report = HypothesisScorer.Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References, settings);

        Assert.All(report.Metrics, metric => Assert.Equal(3, metric.Sentences!.Count));
        Assert.Equal(100.0, report.Metrics[0].Sentences![0].Score, 1e-9);
        Assert.Contains("eff:yes", report.Metrics[0].Sentences![0].Signature);
    }

    [Fact]
    public void Documents_are_scored_on_their_own_and_listed_worst_first()
    {
        var settings = new EvaluationSettings([new Chrf(), new Bleu()], DocumentIds: ["good", "bad", "good"]);

        var report = HypothesisScorer.Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References, settings);

        Assert.Equal(["bad", "good"], report.Documents!.Select(d => d.Id));
        Assert.Equal([1, 2], report.Documents!.Select(d => d.Segments));
        var good = new Chrf().Score([SacreBleuExamples.Hypotheses[0], SacreBleuExamples.Hypotheses[2]],
            SacreBleuExamples.References.Select([0, 2]));
        Assert.Equal(good.Score, report.Documents![1].Scores[0].Score);
    }

    [Fact]
    public void Unknown_metric_names_are_an_error()
    {
        var error = Assert.Throws<TarjamaException>(() => Metrics.Parse("bleu,ter"));

        Assert.Contains("'ter'", error.Message);
    }

    [Fact]
    public void Metric_names_keep_their_order()
    {
        Assert.Equal(["chrf++", "bleu", "chrf"], Metrics.Parse("chrf++, BLEU,chrf,bleu").Select(m => m.Key));
    }
}
