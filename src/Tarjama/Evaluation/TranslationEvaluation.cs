using System.Diagnostics;

namespace Tarjama.Evaluation;

/// <summary>Translates a test set's source side with an engine, then scores the translations and reports the engine's speed.</summary>
public sealed class TranslationEvaluation(ISegmentTranslator translator)
{
    public EvaluationReport Evaluate(
        IReadOnlyList<string> sources, References references, EvaluationSettings settings, CancellationToken cancellationToken = default)
    {
        if (sources.Count != references.Count)
        {
            throw new TarjamaException($"there are {sources.Count} source lines but {references.Count} reference lines");
        }
        var clock = Stopwatch.StartNew();
        var hypotheses = translator.Translate(sources, cancellationToken);
        clock.Stop();
        if (hypotheses.Count != sources.Count)
        {
            throw new InvalidOperationException($"the translator returned {hypotheses.Count} translations for {sources.Count} segments");
        }
        return HypothesisScorer.Score(hypotheses, references, settings) with
        {
            Throughput = new Throughput(sources.Count, clock.Elapsed),
        };
    }
}
