using System.Globalization;
using Tarjama.Text;

namespace Tarjama.Evaluation;

/// <summary>Writes a report as text: sacreBLEU's score lines, then the worst documents and the engine's speed.</summary>
public static class EvaluationReportText
{
    /// <param name="width">Decimals of the scores (sacreBLEU's --width; its command line prints 1).</param>
    /// <param name="worstDocuments">How many of the worst documents to list.</param>
    public static void Write(TextWriter output, EvaluationReport report, int width = 1, int worstDocuments = 10)
    {
        WriteSentences(output, report.Metrics, width);
        WriteAligned(output, report.Metrics.Select(metric => metric.Corpus.Format(width)).ToList());
        if (report.Documents is { } documents)
        {
            WriteDocuments(output, documents, width, worstDocuments);
        }
        if (report.Throughput is { } throughput)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Translated {Counted.Of(throughput.Sentences, "sentence")} in {throughput.WallTime.TotalSeconds:0.00} s ({throughput.SentencesPerSecond:0.00} sentences/s)"));
        }
    }

    private static void WriteSentences(TextWriter output, IReadOnlyList<MetricResult> metrics, int width)
    {
        int sentences = metrics[0].Sentences?.Count ?? 0;
        for (int i = 0; i < sentences; i++)
        {
            foreach (var metric in metrics)
            {
                output.WriteLine(metric.Sentences![i].Format(width));
            }
        }
    }

    // Lines up the '=' of several score lines, as sacreBLEU does.
    private static void WriteAligned(TextWriter output, IReadOnlyList<string> lines)
    {
        int column = lines.Max(line => line.IndexOf(" = ", StringComparison.Ordinal));
        foreach (string line in lines)
        {
            int split = line.IndexOf(" = ", StringComparison.Ordinal);
            output.WriteLine(line[..split].PadLeft(column) + line[split..]);
        }
    }

    private static void WriteDocuments(TextWriter output, IReadOnlyList<DocumentResult> documents, int width, int worst)
    {
        var listed = documents.Take(worst).ToList();
        if (listed.Count == 0)
        {
            return;
        }
        output.WriteLine($"Worst {listed.Count} of {documents.Count} documents by {listed[0].Scores[0].Name}:");
        int idWidth = listed.Max(document => document.Id.Length);
        foreach (var document in listed)
        {
            string scores = string.Join("  ", document.Scores.Select(score => $"{score.Name} = {PythonFloatFormat.Fixed(score.Score, width)}"));
            output.WriteLine($"  {document.Id.PadRight(idWidth)}  {document.Segments,4} {Counted.Noun(document.Segments, "segment"),-8}  {scores}");
        }
    }
}
