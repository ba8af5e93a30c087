using Tarjama.Decoding;
using Tarjama.Translation;

namespace Tarjama.Tests.Conversion;

/// <summary>The engine on converted Marian checkpoints produces the token ids of transformers' generate: greedy and
/// 4 beams, batch 1 and 8 (base shape: eos 0, decoder start = last id; tc-big shape: eos 1, decoder start = pad 2).</summary>
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
}
