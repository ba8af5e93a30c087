namespace Tarjama.Evaluation;

/// <summary>The metrics users can ask for by name, with sacreBLEU's default settings.</summary>
public static class Metrics
{
    public const string AllNames = "bleu,chrf,chrf++";

    /// <summary>Parses a comma-separated list such as "bleu,chrf++"; order is kept, repeats are dropped.</summary>
    public static IReadOnlyList<ITranslationMetric> Parse(string names)
    {
        var metrics = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .Distinct()
            .Select(Create)
            .ToList();
        return metrics.Count > 0 ? metrics : throw new TarjamaException($"no metric given: choose from {AllNames}");
    }

    private static ITranslationMetric Create(string name) => name switch
    {
        "bleu" => new Bleu(),
        "chrf" => new Chrf(),
        "chrf++" => new Chrf(ChrfOptions.ChrfPlusPlus),
        _ => throw new TarjamaException($"unknown metric '{name}': choose from {AllNames}"),
    };
}
