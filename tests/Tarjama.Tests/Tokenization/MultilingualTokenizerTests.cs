using Tarjama.Tests.Engine;
using Tarjama.Translation;

namespace Tarjama.Tests.Tokenization;

/// <summary>Source ids equal Hugging Face's slow NllbTokenizer's (news lines and tricky input: emoji, unknown
/// characters, mixed scripts, language codes inside the text), from sentencepiece.bpe.model or tokenizer.json alone.</summary>
public class MultilingualTokenizerTests
{
    public static TheoryData<string, string, string> Forms() => new()
    {
        { "tiny-nllb", "nllb", "sentencepiece.bpe.model" },
        { "tiny-nllb", "nllb", "tokenizer.json" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Input_ids_and_decoding_equal_the_slow_tokenizer(string name, string family, string form)
    {
        var golden = MultilingualGolden.Read(Fixtures.Path("golden", $"hf.{name}.tokenizer.jsonl"));
        // Each form alone: the other tokenizer files (and the config's added-token list, for tokenizer.json) removed.
        string[] without = form == "tokenizer.json" ? ["sentencepiece.bpe.model", "vocab.json", "tokenizer_config.json", "added_tokens.json"] : ["tokenizer.json"];
        using var model = new ModelCopy(Fixtures.Path("models", name), without);
        using var translator = Translator.Load(model.Path);
        Assert.Equal(family, translator.Family.Name);
        var mismatches = new List<string>();
        foreach (var record in golden)
        {
            var input = translator.Family.Encode(record.Input, translator.Family.Resolve(record.SourceLanguage, null));
            var ids = input.Frame(input.Pieces);
            if (!ids.SequenceEqual(record.InputIds))
            {
                mismatches.Add($"{record.SourceLanguage} '{record.Input}': expected [{string.Join(",", record.InputIds)}] got [{string.Join(",", ids)}]");
            }
            Assert.Equal(record.Decoded, translator.Family.Decode(record.InputIds));
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {golden.Count} differ:\n{string.Join("\n", mismatches.Take(5))}");
    }

    [Theory]
    [InlineData("ar", "arb_Arab")]
    [InlineData("ara", "arb_Arab")]
    [InlineData("arb", "arb_Arab")]
    [InlineData("arz", "arz_Arab")]
    [InlineData("apc_Arab", "apc_Arab")]
    [InlineData("en", "eng_Latn")]
    [InlineData("eng", "eng_Latn")]
    [InlineData("zh-Hant", "zho_Hant")]
    public void Iso_and_NLLB_codes_name_the_model_s_languages(string asked, string code)
    {
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"));
        Assert.Equal(code, translator.Family.Resolve(asked, asked).Source);
    }

    [Fact]
    public void An_unknown_or_ambiguous_language_is_a_clear_error()
    {
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"));
        Assert.Contains("no target language 'xx'", Assert.Throws<TarjamaException>(() => translator.Family.Resolve("ar", "xx")).Message);
        Assert.Contains("zho_Hans, zho_Hant", Assert.Throws<TarjamaException>(() => translator.Family.Resolve("zh", "en")).Message);
    }
}
