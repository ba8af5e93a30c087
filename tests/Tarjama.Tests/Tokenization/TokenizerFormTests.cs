using Tarjama.Models;
using Tarjama.Tests.Engine;
using Tarjama.Tokenization;

namespace Tarjama.Tests.Tokenization;

/// <summary>Both tokenizer forms a model folder may carry give the reference's input ids.</summary>
public class TokenizerFormTests
{
    private static readonly string[] Inputs = Fixtures.Lines("reference-golden", "inputs_ar_50.txt");
    private static readonly List<GoldenRecord> Golden = GoldenRecord.Read(Fixtures.Path("reference-golden", "hf-transformers.greedy.bs1.jsonl"));

    [Fact]
    public void Source_spm_with_vocab_json_tokenizes_like_MarianTokenizer()
    {
        var tokenizer = MarianTokenizerLoader.Load(ModelFolder.Open(Fixtures.ReferenceModel));
        foreach (var record in Golden)
        {
            Assert.Equal(record.InputIds, tokenizer.Encode(Inputs[record.Index]));
        }
    }

    [Fact]
    public void Tokenizer_json_alone_is_enough()
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel, "source.spm", "target.spm", "vocab.json");
        var tokenizer = MarianTokenizerLoader.Load(ModelFolder.Open(model.Path));
        foreach (var record in Golden)
        {
            Assert.Equal(record.InputIds, tokenizer.Encode(Inputs[record.Index]));
        }
        var spm = MarianTokenizerLoader.Load(ModelFolder.Open(Fixtures.ReferenceModel));
        Assert.All(Golden, record => Assert.Equal(spm.Decode(record.OutputIds), tokenizer.Decode(record.OutputIds)));
    }

    [Fact]
    public void A_folder_without_tokenizer_files_is_reported()
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel, "source.spm", "vocab.json", "tokenizer.json");
        var error = Assert.Throws<TarjamaException>(() => MarianTokenizerLoader.Load(ModelFolder.Open(model.Path)));
        Assert.Contains("missing tokenizer files", error.Message);
    }

    [Fact]
    public void Decoding_drops_special_tokens_and_joins_pieces_into_words()
    {
        var tokenizer = MarianTokenizerLoader.Load(ModelFolder.Open(Fixtures.ReferenceModel));
        var vocabulary = tokenizer.Vocabulary;
        var ids = new[] { "\u2581", "ي" }.Select(p => vocabulary.Id(p, "vocab.json")).Prepend(tokenizer.Ids.Pad).Append(tokenizer.Ids.Eos).ToArray();
        Assert.Equal("ي", tokenizer.Decode(ids));
    }
}
