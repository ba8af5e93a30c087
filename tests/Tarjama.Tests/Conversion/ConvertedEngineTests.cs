using Tarjama.Decoding;
using Tarjama.Tests.Engine;
using Tarjama.Translation;

namespace Tarjama.Tests.Conversion;

/// <summary>The engine on converted Marian checkpoints produces the token ids of transformers' generate: greedy and
/// 4 beams, batch 1 and 8 (base shape: eos 0, decoder start = last id; tc-big shape: eos 1, decoder start = pad 2);
/// the converted tiny-nllb checkpoint, loaded as any model folder, translates through the NLLB family exactly as
/// transformers does (source and forced target-language tokens, three directions mixed in the engine's batches).</summary>
public class ConvertedEngineTests
{
    public static TheoryData<string, string, int, int> Cases() => new()
    {
        { "marian-base", "tiny-ar-en", 1, 1 },
        { "marian-base", "tiny-ar-en", 1, 8 },
        { "marian-base", "tiny-ar-en", 4, 1 },
        { "marian-base", "tiny-ar-en", 4, 8 },
        { "marian-big", "tiny-en-ar", 1, 1 },
        { "marian-big", "tiny-en-ar", 1, 8 },
        { "marian-big", "tiny-en-ar", 4, 1 },
        { "marian-big", "tiny-en-ar", 4, 8 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_ids_equal_transformers(string checkpoint, string tokenizerOf, int beams, int batchSize)
    {
        using var model = new ConvertedModel(checkpoint, tokenizerOf: tokenizerOf);
        var golden = model.Golden;
        using var translator = Translator.Load(model.Folder, new TranslatorOptions
        {
            BatchSize = batchSize,
            Generation = new GenerationOverrides { NumBeams = beams, MaxNewTokens = golden.MaxNewTokens },
        });
        var inputs = golden.Inputs;
        var generated = inputs.Chunk(batchSize).SelectMany(batch => translator.Generate(batch)).Select(g => g.Tokens).ToList();
        Assert.Equal(golden.Outputs(beams, batchSize), generated);
    }

    public static TheoryData<string, int> NllbCases() => new() { { "greedy", 1 }, { "greedy", 8 }, { "beam4", 1 }, { "beam4", 8 } };

    [Theory]
    [MemberData(nameof(NllbCases))]
    public void Converted_nllb_translates_as_transformers(string search, int batchSize)
    {
        using var model = new ConvertedModel("tiny-nllb", tokenizerOf: "tiny-nllb");
        var golden = MultilingualGolden.Read(Fixtures.Path("golden", $"hf.tiny-nllb.{search}.bs{batchSize}.jsonl"));
        int beams = golden[0].Hypotheses.Count;
        using var translator = Translator.Load(model.Folder, new TranslatorOptions { BatchSize = batchSize });
        var generation = new GenerationOverrides { NumBeams = beams, NumReturnSequences = beams, MaxNewTokens = 32, EarlyStopping = EarlyStopping.Heuristic };
        var items = golden.Select(g => new TranslationItem(g.Input, new TranslationOptions { SourceLanguage = g.SourceLanguage, TargetLanguage = g.TargetLanguage, Generation = generation })).ToList();
        var results = translator.TranslateDetailed(items);
        Assert.Equal(golden.Select(g => g.Hypotheses.Select(h => h.OutputIds)), results.Select(r => r.Alternatives.Select(a => a.TokenIds).Prepend(r.TokenIds)));
    }
}
