using System.Text.Json;

namespace Tarjama.Evaluation;

/// <summary>A BLEU score with the statistics sacreBLEU reports beside it.</summary>
/// <param name="Counts">Matched n-grams of each order, unigrams first.</param>
/// <param name="Totals">Hypothesis n-grams of each order.</param>
/// <param name="Precisions">Smoothed n-gram precisions, 0 to 100.</param>
/// <param name="BrevityPenalty">exp(1 - r/c) when the hypotheses are shorter than the references, else 1.</param>
/// <param name="HypothesisLength">Tokens in the hypotheses (sacreBLEU's sys_len).</param>
/// <param name="ReferenceLength">Sum of the closest reference lengths (sacreBLEU's ref_len).</param>
public sealed record BleuScore(
    double Score,
    string Signature,
    IReadOnlyList<long> Counts,
    IReadOnlyList<long> Totals,
    IReadOnlyList<double> Precisions,
    double BrevityPenalty,
    long HypothesisLength,
    long ReferenceLength) : MetricScore("BLEU", Score, Signature)
{
    public double Ratio => ReferenceLength == 0 ? 0 : (double)HypothesisLength / ReferenceLength;

    public override string Verbose =>
        $"{string.Join('/', Precisions.Select(p => PythonFloatFormat.Fixed(p, 1)))} " +
        $"(BP = {PythonFloatFormat.Fixed(BrevityPenalty, 3)} ratio = {PythonFloatFormat.Fixed(Ratio, 3)} " +
        $"hyp_len = {HypothesisLength} ref_len = {ReferenceLength})";

    internal override void WriteDetails(Utf8JsonWriter json)
    {
        WriteArray(json, "counts", Counts, json.WriteNumberValue);
        WriteArray(json, "totals", Totals, json.WriteNumberValue);
        WriteArray(json, "precisions", Precisions, json.WriteNumberValue);
        json.WriteNumber("bp", BrevityPenalty);
        json.WriteNumber("sys_len", HypothesisLength);
        json.WriteNumber("ref_len", ReferenceLength);
        json.WriteNumber("ratio", Ratio);
        json.WriteString("verbose_score", Verbose);
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> values, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            write(value);
        }
        json.WriteEndArray();
    }
}
