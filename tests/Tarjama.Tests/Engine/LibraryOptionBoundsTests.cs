using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>The library refuses what the command line refuses (docs/library.md: an option out of range is a
/// TarjamaException with a one-line message): thread counts that would start that many threads, batch sizes that are
/// no batch, penalties that are not numbers, a token count that overflows.</summary>
public class LibraryOptionBoundsTests
{
    private static readonly string Model = Fixtures.ReferenceModel;

    public static TheoryData<TranslatorOptions, string> LoadOptions => new()
    {
        { new TranslatorOptions { Engine = new EngineOptions { Threads = EngineOptions.MostThreads + 1 } }, "threads must be between 0 (one per core) and 256 (got 257)" },
        { new TranslatorOptions { Engine = new EngineOptions { Threads = -1 } }, "threads must be between 0 (one per core) and 256 (got -1)" },
        { new TranslatorOptions { BatchSize = 0 }, "batch size must be between 1 and 256 (got 0)" },
        { new TranslatorOptions { BatchSize = TranslatorOptions.MostBatchSize + 1 }, "batch size must be between 1 and 256 (got 257)" },
        { new TranslatorOptions { DecoderForm = (DecoderForm)7 }, "decoder form 7 is none of Auto, Merged, Split" },
    };

    [Theory]
    [MemberData(nameof(LoadOptions))]
    public void Load_refuses_engine_options_out_of_range(TranslatorOptions options, string expected) =>
        Assert.Equal(expected, Assert.Throws<TarjamaException>(() => Translator.Load(Model, options)).Message);

    public static TheoryData<GenerationOverrides, string> CallOptions => new()
    {
        { new GenerationOverrides { NumBeams = 2, LengthPenalty = float.NaN }, "length penalty must be a finite number (got NaN)" },
        { new GenerationOverrides { NumBeams = 2, LengthPenalty = float.PositiveInfinity }, "length penalty must be a finite number" },
        { new GenerationOverrides { RepetitionPenalty = float.NaN }, "repetition penalty must be a positive number (got NaN)" },
        { new GenerationOverrides { RepetitionPenalty = float.PositiveInfinity }, "repetition penalty must be a positive number" },
        { new GenerationOverrides { MaxNewTokens = int.MaxValue }, "max new tokens must be between 1 and 4095 (got 2147483647)" },
        { new GenerationOverrides { MaxNewTokens = 0 }, "max new tokens must be between 1 and 4095 (got 0)" },
    };

    [Theory]
    [MemberData(nameof(CallOptions))]
    public void A_call_refuses_decoding_options_out_of_range(GenerationOverrides generation, string expected)
    {
        using var translator = Translator.Load(Model);
        var error = Assert.Throws<TarjamaException>(() => translator.TranslateDetailed(["مرحبا"], new TranslationOptions { Generation = generation }));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public async Task Null_arguments_are_argument_errors_not_null_references()
    {
        // Before: NullReferenceException from inside the translator, which reads as a bug in it.
        using var translator = Translator.Load(Model);
        Assert.Throws<ArgumentNullException>(() => translator.TranslateDetailed([new TranslationItem("مرحبا", null!)]));
        Assert.Throws<ArgumentNullException>(() => translator.With(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Translator.OpenAsync(null!));
    }
}
