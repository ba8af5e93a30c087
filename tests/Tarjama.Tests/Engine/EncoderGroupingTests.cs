using Tarjama.Engine;

namespace Tarjama.Tests.Engine;

/// <summary>Rows of very different lengths are encoded in groups of similar length: each row's hidden states are,
/// bit for bit, those it gets encoded alone (its padding positions, which the decoder masks, are not compared).</summary>
public class EncoderGroupingTests
{
    [Fact]
    public void Grouped_rows_are_encoded_as_each_alone()
    {
        using var encoder = new OnnxEncoder(OnnxSessionLoader.Open(Fixtures.Path("models", "tiny-ar-en", "onnx", "encoder_model.onnx"), new EngineOptions(), new EngineStatistics()), padId: 1911);
        var random = new Random(3);
        int[] Sentence(int length) => [.. Enumerable.Range(0, length - 1).Select(_ => random.Next(5, 1900)), 0];
        int[][] rows = [Sentence(6), Sentence(40), Sentence(3), Sentence(38), Sentence(12)];
        using var batch = encoder.Encode(rows);
        var hidden = batch.Hidden.GetTensorDataAsSpan<float>().ToArray();
        int length = rows.Max(r => r.Length), dim = hidden.Length / (rows.Length * length);
        for (int r = 0; r < rows.Length; r++)
        {
            using var alone = encoder.Encode([rows[r]]);
            var expected = alone.Hidden.GetTensorDataAsSpan<float>().ToArray();
            var row = hidden.AsSpan(r * length * dim, length * dim);
            Assert.Equal(expected, row[..expected.Length].ToArray());
        }
    }
}
