using Tarjama.Decoding;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>Greedy token ids equal transformers.js 4.3.2's on the project's own fixture models (60 NTREX news lines and
/// tricky inputs, batch 1 and 8). transformers.js was fed MarianTokenizer's input ids (its own tokenizer differs from
/// MarianTokenizer on some inputs and ignores language codes), so the engine is compared on identical inputs.</summary>
public class FixtureParityTests
{
    public static TheoryData<string, string, int, DecoderForm> Cases() => new()
    {
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.greedy.bs1.jsonl", 1, DecoderForm.Merged },
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.greedy.bs1.jsonl", 1, DecoderForm.Split },
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.greedy.bs8.jsonl", 8, DecoderForm.Merged },
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.greedy.bs8.jsonl", 8, DecoderForm.Split },
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.tricky.greedy.bs1.jsonl", 1, DecoderForm.Auto },
        { "tiny-en-ar", "transformersjs.tiny-en-ar.marian-ids.greedy.bs1.jsonl", 1, DecoderForm.Merged },
        { "tiny-en-ar", "transformersjs.tiny-en-ar.marian-ids.greedy.bs8.jsonl", 8, DecoderForm.Merged },
    };

    [Fact]
    public void Greedy_token_ids_equal_transformers_js_on_tricky_english_ids()
    {
        // Recorded on MarianTokenizer ids without a default language token, so the engine gets the same ids.
        var expected = GoldenRecord.Read(Fixtures.Path("golden", "transformersjs.tiny-en-ar.marian-ids.tricky.greedy.bs1.jsonl"));
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-en-ar"), new TranslatorOptions
        {
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 64 },
        });
        var generated = translator.Generate(expected.Select(r => r.InputIds).ToList());
        Assert.Equal(expected.Select(r => r.OutputIds), generated.Select(g => g.Tokens));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greedy_token_ids_equal_transformers_js(string model, string golden, int batchSize, DecoderForm form)
    {
        var expected = GoldenRecord.Read(Fixtures.Path("golden", golden));
        using var translator = Translator.Load(Fixtures.Path("models", model), new TranslatorOptions
        {
            BatchSize = batchSize,
            DecoderForm = form,
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 64 },
        });
        var results = translator.TranslateDetailed(expected.Select(r => r.Input!).ToList());
        Assert.True(expected.Count >= 10);
        var differing = new List<int>();
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].InputIds, translator.Family.Encode(expected[i].Input!));
            if (!expected[i].OutputIds.SequenceEqual(results[i].TokenIds))
            {
                differing.Add(expected[i].Index);
            }
        }
        Assert.True(differing.Count == 0, $"outputs differ for inputs {string.Join(", ", differing)}");
    }

    // q8 is compared at batch 1 only: dynamic quantization takes one scale over the whole batch (padding and finished rows
    // included), so batched results depend on how rows are grouped, and this engine groups by length and drops finished rows.
    // Its golden is the one recorded on a CPU of this one's int8 kernel (Int8Kernel).
    public static TheoryData<ModelDtype, string, int> DtypeCases() => new()
    {
        { ModelDtype.Fp16, "transformersjs.tiny-ar-en.fp16.marian-ids.greedy.bs1.jsonl", 1 },
        { ModelDtype.Fp16, "transformersjs.tiny-ar-en.fp16.marian-ids.greedy.bs8.jsonl", 8 },
        { ModelDtype.Q8, "transformersjs.tiny-ar-en.q8.marian-ids.greedy.bs1.jsonl", 1 },
    };

    [Theory]
    [MemberData(nameof(DtypeCases))]
    public void Greedy_token_ids_equal_transformers_js_for_other_dtypes(ModelDtype dtype, string golden, int batchSize)
    {
        var expected = GoldenRecord.Read(Fixtures.Path("golden", dtype == ModelDtype.Q8 ? Int8Kernel.Golden(golden) : golden));
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-ar-en"), new TranslatorOptions
        {
            DType = dtype,
            BatchSize = batchSize,
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 64 },
        });
        var results = translator.TranslateDetailed(expected.Select(r => r.Input!).ToList());
        var differing = expected.Where((r, i) => !r.OutputIds.SequenceEqual(results[i].TokenIds)).Select(r => r.Index).ToList();
        Assert.True(differing.Count == 0, $"outputs differ for inputs {string.Join(", ", differing)}");
    }

    [Fact]
    public void The_english_to_arabic_model_gets_its_target_language_token_without_being_told()
    {
        var expected = GoldenRecord.Read(Fixtures.Path("golden", "transformersjs.tiny-en-ar.marian-ids.greedy.bs1.jsonl"));
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-en-ar"), new TranslatorOptions
        {
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 64 },
        });
        Assert.Equal(("en", "ar"), (translator.SourceLanguage, translator.TargetLanguage));
        var bare = expected.Take(10).Select(r => r.Input!.Replace(">>ara<< ", "", StringComparison.Ordinal)).ToList();
        Assert.All(bare, b => Assert.DoesNotContain(">>", b));
        var results = translator.TranslateDetailed(bare);
        for (int i = 0; i < bare.Count; i++)
        {
            Assert.Equal(expected[i].InputIds, translator.Family.Encode(bare[i]));
            Assert.Equal(expected[i].OutputIds, results[i].TokenIds);
        }
    }
}
