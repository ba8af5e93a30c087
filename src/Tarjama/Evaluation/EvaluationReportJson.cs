using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tarjama.Evaluation;

/// <summary>Writes a report as one JSON object keyed by metric ("bleu", "chrf", "chrf++"), each holding sacreBLEU's fields;
/// "documents" and "throughput" are added when the report has them.</summary>
public static class EvaluationReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // document ids and text stay readable, as sacreBLEU's ensure_ascii=False
    };

    public static void Write(TextWriter output, EvaluationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteReport(json, report);
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteReport(Utf8JsonWriter json, EvaluationReport report)
    {
        json.WriteStartObject();
        foreach (var metric in report.Metrics)
        {
            json.WritePropertyName(metric.Key);
            WriteScore(json, metric.Corpus, metric.Sentences);
        }
        if (report.Documents is { } documents)
        {
            WriteDocuments(json, report.Metrics, documents);
        }
        if (report.Throughput is { } throughput)
        {
            json.WriteStartObject("throughput");
            json.WriteNumber("sentences", throughput.Sentences);
            json.WriteNumber("wall_seconds", throughput.WallTime.TotalSeconds);
            json.WriteNumber("sentences_per_second", throughput.SentencesPerSecond);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter json, MetricScore score, IReadOnlyList<MetricScore>? sentences = null)
    {
        json.WriteStartObject();
        json.WriteString("name", score.Name);
        json.WriteNumber("score", score.Score);
        json.WriteString("signature", score.Signature);
        score.WriteDetails(json);
        if (sentences is not null)
        {
            json.WriteStartArray("sentences");
            foreach (var sentence in sentences)
            {
                WriteScore(json, sentence);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteDocuments(Utf8JsonWriter json, IReadOnlyList<MetricResult> metrics, IReadOnlyList<DocumentResult> documents)
    {
        json.WriteStartArray("documents");
        foreach (var document in documents)
        {
            json.WriteStartObject();
            json.WriteString("id", document.Id);
            json.WriteNumber("segments", document.Segments);
            for (int m = 0; m < metrics.Count; m++)
            {
                json.WritePropertyName(metrics[m].Key);
                WriteScore(json, document.Scores[m]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
