using System.Text.Json;

namespace Tarjama.Evaluation;

/// <summary>A metric's score with the sacreBLEU signature that says how it was computed.</summary>
/// <param name="Name">The metric as sacreBLEU prints it, e.g. "BLEU" or "chrF2++".</param>
/// <param name="Score">The score, 0 to 100.</param>
/// <param name="Signature">sacreBLEU's signature, e.g. <c>nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1</c>.</param>
public abstract record MetricScore(string Name, double Score, string Signature)
{
    /// <summary>Details printed after the score, or null.</summary>
    public virtual string? Verbose => null;

    /// <summary>The line sacreBLEU prints in text mode, e.g. <c>BLEU|nrefs:1|… = 20.8 54.4/26.6/14.9/8.7 (BP = …)</c>.</summary>
    public string Format(int width)
    {
        string line = $"{Name}|{Signature} = {PythonFloatFormat.Fixed(Score, width)}";
        return Verbose is null ? line : $"{line} {Verbose}";
    }

    /// <summary>Writes the metric-specific fields of the JSON object (name, score and signature are written by the caller).</summary>
    internal abstract void WriteDetails(Utf8JsonWriter json);
}
