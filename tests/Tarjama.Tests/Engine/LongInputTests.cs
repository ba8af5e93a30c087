using System.Text.Json.Nodes;
using Tarjama.Decoding;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>An input longer than the model accepts is cut into pieces that fit and translated piece by piece,
/// never silently truncated.</summary>
public class LongInputTests
{
    private static readonly string[] Inputs = Fixtures.Lines("reference-golden", "inputs_ar_50.txt");

    [Fact]
    public void Over_long_input_is_translated_in_pieces_that_fit_and_joined()
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel);
        var config = JsonNode.Parse(File.ReadAllText(model.File("config.json")))!;
        config["max_position_embeddings"] = 24;
        File.WriteAllText(model.File("config.json"), config.ToJsonString());
        var options = new TranslatorOptions { Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 6 } };
        using var translator = Translator.Load(model.Path, options);
        string text = string.Join(" ", Inputs.Take(3));
        var source = translator.Family.Encode(text, translator.Family.DefaultPair);
        var pieces = source.Pieces;
        Assert.True(pieces.Count > 3 * 24, "the input must need several pieces");

        var result = translator.TranslateDetailed([text])[0];

        var chunks = InputChunker.Split(pieces, 24 - source.FrameLength, translator.Family.Piece);
        Assert.Equal(pieces, chunks.SelectMany(c => c));
        Assert.All(chunks, c => Assert.InRange(c.Count + source.FrameLength, 1, 24));
        var perChunk = translator.Generate(chunks.Select(source.Frame).ToList());
        Assert.Equal(perChunk.SelectMany(g => g.Tokens), result.TokenIds);
        Assert.Equal(string.Join(" ", perChunk.Select(g => translator.Family.Decode(g.Tokens)).Where(t => t.Length > 0)), result.Translation);
    }

    [Fact]
    public void Chunks_end_after_sentence_punctuation_when_one_is_near()
    {
        string[] vocabulary = ["\u2581a", "\u2581b.", "\u2581c", "\u2581d", "\u2581e", "\u2581f"];
        List<int> pieces = [0, 2, 3, 1, 4, 5, 2, 3];
        var chunks = InputChunker.Split(pieces, 5, id => vocabulary[id]);
        Assert.Equal([0, 2, 3, 1], chunks[0]);
        Assert.Equal([4, 5, 2, 3], chunks[1]);
    }

    [Fact]
    public void Without_punctuation_chunks_end_at_word_starts()
    {
        string[] vocabulary = ["\u2581a", "b", "c", "\u2581d", "e"];
        List<int> pieces = [0, 1, 2, 3, 4, 0, 1, 2];
        var chunks = InputChunker.Split(pieces, 4, id => vocabulary[id]);
        Assert.All(chunks, c => Assert.StartsWith("\u2581", vocabulary[c[0]]));
        Assert.Equal(pieces, chunks.SelectMany(c => c));
    }
}
