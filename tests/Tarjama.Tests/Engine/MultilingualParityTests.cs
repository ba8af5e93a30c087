using Tarjama.Decoding;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>Beam search on the NLLB fixture equals Hugging Face transformers' <c>generate</c> (forced target-language
/// token, 2 and 4 beams, batch 1 and 8, every hypothesis of the n-best list with its score) for ar→en, en→ar and an
/// Egyptian Arabic source, with all directions mixed in the engine's batches; on the M2M100 fixture (vocab.json and
/// derived language tokens) greedy and beam search equal it too, ar→en and en→ar; greedy equals transformers.js (its own
/// NLLB or M2M100 tokenizer end to end) at batch 1 and 8, again with the directions mixed in each engine batch.</summary>
public class MultilingualParityTests
{
    [Theory]
    [InlineData("tiny-nllb", 1)]
    [InlineData("tiny-nllb", 8)]
    [InlineData("tiny-m2m100", 1)]
    [InlineData("tiny-m2m100", 8)]
    public void Greedy_equals_transformers_js_with_mixed_directions_in_a_batch(string model, int batchSize)
    {
        string path = Fixtures.Path("golden", $"transformersjs.{model}.greedy.bs{batchSize}.jsonl");
        var rows = MultilingualGolden.Read(path);
        var expected = GoldenRecord.Read(path);
        using var translator = Translator.Load(Fixtures.Path("models", model), new TranslatorOptions
        {
            BatchSize = batchSize,
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 32 },
        });
        var items = rows.Select(r => new TranslationItem(r.Input, new TranslationOptions { SourceLanguage = r.SourceLanguage, TargetLanguage = r.TargetLanguage })).ToList();
        Assert.True(items.Select(i => (i.Options.SourceLanguage, i.Options.TargetLanguage)).Distinct().Count() > 1);
        var results = translator.TranslateDetailed(items);
        var differing = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            var input = translator.Family.Encode(rows[i].Input, translator.Family.Resolve(rows[i].SourceLanguage, rows[i].TargetLanguage));
            Assert.Equal(expected[i].InputIds, input.Frame(input.Pieces));
            if (!expected[i].OutputIds.SequenceEqual(results[i].TokenIds))
            {
                differing.Add(i);
            }
        }
        Assert.True(differing.Count == 0, $"outputs differ for rows {string.Join(", ", differing)}");
    }

    public static TheoryData<string, int, int> Cases() => new()
    {
        { "tiny-nllb", 2, 1 }, { "tiny-nllb", 2, 8 }, { "tiny-nllb", 4, 1 }, { "tiny-nllb", 4, 8 },
        { "tiny-m2m100", 1, 1 }, { "tiny-m2m100", 1, 8 }, { "tiny-m2m100", 2, 1 }, { "tiny-m2m100", 2, 8 },
        { "tiny-m2m100", 4, 1 }, { "tiny-m2m100", 4, 8 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Beam_n_best_equals_Hugging_Face(string model, int beams, int batchSize)
    {
        var golden = MultilingualGolden.Read(Fixtures.Path("golden", $"hf.{model}.{(beams == 1 ? "greedy" : $"beam{beams}")}.bs{batchSize}.jsonl"));
        using var translator = Translator.Load(Fixtures.Path("models", model), new TranslatorOptions { BatchSize = batchSize });
        var generation = new GenerationOverrides { NumBeams = beams, NumReturnSequences = beams, MaxNewTokens = 32, EarlyStopping = EarlyStopping.Heuristic };
        var items = golden.Select(g => new TranslationItem(g.Input, new TranslationOptions { SourceLanguage = g.SourceLanguage, TargetLanguage = g.TargetLanguage, Generation = generation })).ToList();
        var results = translator.TranslateDetailed(items);
        var mismatches = new List<string>();
        for (int i = 0; i < golden.Count; i++)
        {
            var input = translator.Family.Encode(golden[i].Input, translator.Family.Resolve(golden[i].SourceLanguage, golden[i].TargetLanguage));
            Assert.Equal(golden[i].InputIds, input.Frame(input.Pieces));
            var ours = new[] { (results[i].TokenIds, results[i].Score, results[i].Translation) }
                .Concat(results[i].Alternatives.Select(a => (a.TokenIds, a.Score, a.Translation))).ToList();
            Assert.Equal(beams, ours.Count);
            for (int k = 0; k < beams; k++)
            {
                var (ids, score, text) = golden[i].Hypotheses[k];
                if (!ids.SequenceEqual(ours[k].TokenIds))
                {
                    mismatches.Add($"#{i} hypothesis {k}: expected [{string.Join(",", ids)}] got [{string.Join(",", ours[k].TokenIds)}]");
                    continue;
                }
                if (score is double expected)
                {
                    Assert.InRange(ours[k].Score!.Value, expected - 1e-3, expected + 1e-3);
                }
                Assert.Equal(text, ours[k].Translation);
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ:\n{string.Join("\n", mismatches.Take(5))}");
    }
}
