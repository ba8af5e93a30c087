using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>Exact token ids against Hugging Face transformers (greedy and beam) and transformers.js (greedy) on the
/// shared tiny reference model, for 50 Arabic inputs at batch 1 and 8. Greedy runs twice: on its shortlist (the
/// default: ids only, the shortlist gives no sequence score) and with every logit (ids and
/// fp32 scores).</summary>
public class ReferenceParityTests
{
    private static readonly string[] Inputs = Fixtures.Lines("reference-golden", "inputs_ar_50.txt");

    public static TheoryData<string, int, int, string, bool> Cases()
    {
        var data = new TheoryData<string, int, int, string, bool>();
        foreach (var form in new[] { "merged", "split" })
        {
            foreach (int batch in new[] { 1, 8 })
            {
                foreach (bool fullLogits in new[] { false, true })
                {
                    data.Add($"hf-transformers.greedy.bs{batch}.jsonl", 1, batch, form, fullLogits);
                    data.Add($"transformersjs.greedy.bs{batch}.jsonl", 1, batch, form, fullLogits);
                }
                data.Add($"hf-transformers.beam2.bs{batch}.jsonl", 2, batch, form, false);
                data.Add($"hf-transformers.beam4.bs{batch}.jsonl", 4, batch, form, false);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Token_ids_equal_the_reference(string golden, int beams, int batchSize, string form, bool fullLogits)
    {
        var expected = GoldenRecord.Read(Fixtures.Path("reference-golden", golden));
        using var translator = Translator.Load(Fixtures.ReferenceModel, new TranslatorOptions
        {
            BatchSize = batchSize,
            DecoderForm = form == "merged" ? DecoderForm.Merged : DecoderForm.Split,
            Engine = new EngineOptions { FullLogits = fullLogits },
            Generation = new GenerationOverrides { NumBeams = beams, MaxNewTokens = 64 },
        });
        var results = translator.TranslateDetailed(Inputs);
        Assert.Equal(expected.Count, results.Count);
        var mismatches = new List<string>();
        foreach (var record in expected)
        {
            var result = results[record.Index];
            Assert.Equal(record.InputIds, translator.Family.Encode(Inputs[record.Index]));
            if (!record.OutputIds.SequenceEqual(result.TokenIds))
            {
                mismatches.Add($"#{record.Index}: expected [{string.Join(",", record.OutputIds)}] got [{string.Join(",", result.TokenIds)}]");
            }
            else if (record.Score is double score && (beams > 1 || fullLogits))
            {
                // Sums of float32 log-probabilities: ONNX Runtime and PyTorch differ in the last bits.
                Assert.InRange(result.Score!.Value, score - 1e-3, score + 1e-3);
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {expected.Count} differ:\n{string.Join("\n", mismatches.Take(5))}");
    }
}
