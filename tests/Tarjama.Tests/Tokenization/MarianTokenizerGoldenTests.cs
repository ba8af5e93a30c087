using Tarjama.Models;
using Tarjama.Tests.Engine;
using Tarjama.Tokenization;

namespace Tarjama.Tests.Tokenization;

/// <summary>Input ids equal Hugging Face MarianTokenizer's (python sentencepiece through vocab.json, recorded by
/// tools/fixtures/make_tokenizer_golden.py) on news lines and tricky inputs: digits, Latin, emoji, tatweel, unknown
/// characters, odd spacing, and language codes.</summary>
public class MarianTokenizerGoldenTests
{
    [Theory]
    [InlineData("tiny-ar-en")]
    [InlineData("tiny-en-ar")]
    public void Input_ids_equal_MarianTokenizer(string model)
    {
        var tokenizer = MarianTokenizerLoader.Load(ModelFolder.Open(Fixtures.Path("models", model)));
        var golden = GoldenRecord.Read(Fixtures.Path("golden", $"marian-tokenizer.{model}.jsonl"));
        Assert.True(golden.Count >= 60);
        Assert.All(golden, record => Assert.Equal(record.InputIds, tokenizer.Encode(record.Input!)));
    }
}
