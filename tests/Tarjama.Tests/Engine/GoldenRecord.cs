using System.Text.Json;

namespace Tarjama.Tests.Engine;

/// <summary>One line of a recorded reference output (Hugging Face transformers or transformers.js).</summary>
internal sealed record GoldenRecord(int Index, string? Input, int[] InputIds, int[] OutputIds, double? Score)
{
    public static List<GoldenRecord> Read(string path) => File.ReadLines(path).Select(Parse).OrderBy(r => r.Index).ToList();

    private static GoldenRecord Parse(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        int[] Ids(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        // transformers.js records start with the decoder start token and may run past end-of-sentence in a batch.
        int[] output = root.TryGetProperty("output_ids_to_eos", out _) ? Ids("output_ids_to_eos")[1..]
            : root.TryGetProperty("output_ids", out _) ? Ids("output_ids") : [];
        double? score = root.TryGetProperty("score", out var s) ? s.GetDouble() : null;
        string? input = root.TryGetProperty("input", out var i) ? i.GetString() : null;
        return new GoldenRecord(root.GetProperty("idx").GetInt32(), input, Ids("input_ids"), output, score);
    }
}
