using System.Text.Json;

namespace Tarjama.Tests.Engine;

/// <summary>One line of a Hugging Face golden for an M2M100-family fixture: a source with its language pair, and the
/// hypotheses <c>generate</c> returned (n-best, best first; greedy search has no score: NaN), or the slow tokenizer's ids.</summary>
internal sealed record MultilingualGolden(int Index, string Set, string SourceLanguage, string? TargetLanguage, string Input, int[] InputIds,
    string? Decoded, IReadOnlyList<(int[] OutputIds, double Score, string Output)> Hypotheses)
{
    public static List<MultilingualGolden> Read(string path) => File.ReadLines(path).Select((line, i) => Parse(line, i)).ToList();

    private static MultilingualGolden Parse(string line, int index)
    {
        var root = JsonDocument.Parse(line).RootElement;
        static int[] Ids(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();
        string? Text(string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;
        var hypotheses = root.TryGetProperty("hypotheses", out var h)
            ? h.EnumerateArray().Select(x => (Ids(x.GetProperty("output_ids")), (x.TryGetProperty("score", out var score) ? score.GetDouble() : double.NaN), x.GetProperty("output").GetString()!)).ToList()
            : [];
        return new MultilingualGolden(root.TryGetProperty("idx", out var i) ? i.GetInt32() : index, Text("set") ?? "", Text("src_lang")!,
            Text("tgt_lang"), Text("input")!, Ids(root.GetProperty("input_ids")), Text("decoded"), hypotheses);
    }
}
