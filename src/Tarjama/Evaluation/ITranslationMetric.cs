namespace Tarjama.Evaluation;

/// <summary>A corpus metric computed as sacreBLEU computes it.</summary>
public interface ITranslationMetric
{
    /// <summary>The name users select it by: "bleu", "chrf" or "chrf++".</summary>
    string Key { get; }

    /// <summary>Corpus score: statistics are summed over all segments, then the score is computed once.</summary>
    MetricScore Score(IReadOnlyList<string> hypotheses, References references);

    /// <summary>Score of one sentence, as sacreBLEU's <c>--sentence-level</c> computes it.</summary>
    MetricScore ScoreSentence(string hypothesis, IReadOnlyList<string> references);
}
