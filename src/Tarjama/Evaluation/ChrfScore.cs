using System.Text.Json;

namespace Tarjama.Evaluation;

/// <summary>A chrF or chrF++ score with the settings sacreBLEU reports beside it.</summary>
public sealed record ChrfScore(double Score, string Signature, int CharOrder, int WordOrder, int Beta)
    : MetricScore($"chrF{Beta}{new string('+', WordOrder)}", Score, Signature)
{
    internal override void WriteDetails(Utf8JsonWriter json)
    {
        json.WriteNumber("char_order", CharOrder);
        json.WriteNumber("word_order", WordOrder);
        json.WriteNumber("beta", Beta);
    }
}
