using Tarjama.Tests.Engine;
using Tarjama.Translation;

namespace Tarjama.Tests.Tokenization;

/// <summary>Source ids equal Hugging Face's slow NllbTokenizer's and M2M100Tokenizer's (news lines and tricky input:
/// emoji, unknown characters, mixed scripts, language codes inside the text), from sentencepiece.bpe.model (+ vocab.json)
/// or tokenizer.json alone.</summary>
public class MultilingualTokenizerTests
{
    public static TheoryData<string, string, string> Forms() => new()
    {
        { "tiny-nllb", "nllb", "sentencepiece.bpe.model" },
        { "tiny-nllb", "nllb", "tokenizer.json" },
        { "tiny-m2m100", "m2m100", "sentencepiece.bpe.model" },
        { "tiny-m2m100", "m2m100", "tokenizer.json" },
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
        // M2M100's slow tokenizer leaves "__en__" in a text to SentencePiece; a tokenizer.json (the fast one's form,
        // what transformers.js reads) cuts it out as the language token: HF's two tokenizers differ there.
        foreach (var record in golden.Where(r => !(family == "m2m100" && form == "tokenizer.json" && r.Input.Contains("__en__", StringComparison.Ordinal))))
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

    [Fact]
    public void M2M100_language_tokens_follow_vocab_json_and_are_cut_out_when_the_config_lists_them()
    {
        // As facebook/m2m100_418M ships it: no added_tokens_decoder, the language tokens in additional_special_tokens.
        using var model = new ModelCopy(Fixtures.Path("models", "tiny-m2m100"), "tokenizer.json", "tokenizer_config.json");
        var codes = "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en".Split(' ');
        File.WriteAllText(model.File("tokenizer_config.json"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tokenizer_class"] = "M2M100Tokenizer",
            ["language_codes"] = "m2m100",
            ["additional_special_tokens"] = codes.Select(c => $"__{c}__").ToArray(),
        }));
        using var translator = Translator.Load(model.Path);
        int size = System.Text.Json.JsonDocument.Parse(File.ReadAllText(model.File("vocab.json"))).RootElement.EnumerateObject().Count();
        var pair = translator.Family.Resolve("en", "ar");
        Assert.Equal(size + 18, translator.Family.Encode("hello", pair).Before[0]); // __en__: index 18 of the m2m100 list
        Assert.Equal([2, size + 2], translator.Family.DecoderPrefix(pair)); // __ar__: index 2
        Assert.Contains(size + 18, translator.Family.Encode("say __en__ now", pair).Pieces);
        Assert.Equal(100, translator.Family.TargetLanguages.Count);
    }

    [Fact]
    public void M2M100_with_an_unknown_language_list_is_a_clear_error()
    {
        using var model = new ModelCopy(Fixtures.Path("models", "tiny-m2m100"), "tokenizer.json", "tokenizer_config.json");
        File.WriteAllText(model.File("tokenizer_config.json"), """{"tokenizer_class": "M2M100Tokenizer", "language_codes": "m2m42"}""");
        Assert.Contains("language_codes 'm2m42' is not known", Assert.Throws<TarjamaException>(() => Translator.Load(model.Path)).Message);
    }
}
