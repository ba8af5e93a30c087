namespace Tarjama.Evaluation;

/// <summary>Scores existing translations (hypotheses) against references.</summary>
public static class HypothesisScorer
{
    public static EvaluationReport Score(IReadOnlyList<string> hypotheses, References references, EvaluationSettings settings)
    {
        references.CheckAligned(hypotheses.Count);
        var metrics = settings.Metrics.Select(metric => new MetricResult(
            metric.Key,
            metric.Score(hypotheses, references),
            settings.SentenceLevel
                ? hypotheses.Select((hypothesis, i) => metric.ScoreSentence(hypothesis, references[i])).ToList()
                : null)).ToList();
        var documents = settings.DocumentIds is { } ids ? ScoreDocuments(hypotheses, references, settings.Metrics, ids) : null;
        return new EvaluationReport(metrics, documents);
    }

    private static List<DocumentResult> ScoreDocuments(
        IReadOnlyList<string> hypotheses, References references, IReadOnlyList<ITranslationMetric> metrics, IReadOnlyList<string> documentIds)
    {
        if (documentIds.Count != hypotheses.Count)
        {
            throw new TarjamaException($"there are {documentIds.Count} document ids but {hypotheses.Count} hypotheses");
        }
        var documents = new List<DocumentResult>();
        foreach (var document in Enumerable.Range(0, documentIds.Count).GroupBy(i => documentIds[i], StringComparer.Ordinal))
        {
            var segments = document.ToList();
            var documentHypotheses = segments.Select(i => hypotheses[i]).ToList();
            var documentReferences = references.Select(segments);
            documents.Add(new DocumentResult(document.Key, segments.Count,
                metrics.Select(metric => metric.Score(documentHypotheses, documentReferences)).ToList()));
        }
        return documents.OrderBy(document => document.Scores[0].Score).ToList();
    }
}
