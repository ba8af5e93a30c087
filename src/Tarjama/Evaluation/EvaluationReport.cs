namespace Tarjama.Evaluation;

/// <summary>What to compute besides the corpus scores.</summary>
/// <param name="SentenceLevel">Also score each sentence on its own.</param>
/// <param name="DocumentIds">The document of each segment, to score each document on its own; null for none.</param>
public sealed record EvaluationSettings(
    IReadOnlyList<ITranslationMetric> Metrics,
    bool SentenceLevel = false,
    IReadOnlyList<string>? DocumentIds = null);

/// <summary>The result of an evaluation.</summary>
/// <param name="Metrics">One result per metric, in the order asked for.</param>
/// <param name="Documents">Each document's scores, worst first by the first metric; null unless document ids were given.</param>
/// <param name="Throughput">How fast the engine translated; null when existing translations were scored.</param>
public sealed record EvaluationReport(
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyList<DocumentResult>? Documents = null,
    Throughput? Throughput = null);

/// <param name="Sentences">Each sentence's score in input order; null unless sentence-level scores were asked for.</param>
public sealed record MetricResult(string Key, MetricScore Corpus, IReadOnlyList<MetricScore>? Sentences);

/// <param name="Scores">The document's score by each metric, in the order of <see cref="EvaluationReport.Metrics"/>.</param>
public sealed record DocumentResult(string Id, int Segments, IReadOnlyList<MetricScore> Scores);

public sealed record Throughput(int Sentences, TimeSpan WallTime)
{
    public double SentencesPerSecond => WallTime > TimeSpan.Zero ? Sentences / WallTime.TotalSeconds : 0;
}
