using System.Numerics.Tensors;

namespace Tarjama.Decoding;

/// <summary>Takes the best-scoring token at each step; rows leave the batch when they end.</summary>
public sealed class GreedySearch(GenerationSettings settings, LogitsProcessorList processors) : IDecodingStrategy
{
    public GeneratedSequence[] Decode(IDecoderBatch batch)
    {
        int sentences = batch.Rows;
        var sequences = new List<int>[sentences];
        var scores = new double[sentences];
        for (int s = 0; s < sentences; s++)
        {
            sequences[s] = [settings.DecoderStartTokenId];
        }
        var parents = new List<int>(sentences);
        var tokens = new List<long>(sentences);
        while (true)
        {
            parents.Clear();
            tokens.Clear();
            for (int row = 0; row < batch.Rows; row++)
            {
                var sequence = sequences[batch.SentenceOfRow[row]];
                var logits = batch.Logits(row);
                processors.Process(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sequence), logits);
                int token = TensorPrimitives.IndexOfMax(logits);
                scores[batch.SentenceOfRow[row]] += LogProbability(logits, token);
                sequence.Add(token);
                if (!settings.EosTokenIds.Contains(token) && sequence.Count < settings.MaxLength)
                {
                    parents.Add(row);
                    tokens.Add(token);
                }
            }
            if (parents.Count == 0)
            {
                break;
            }
            batch.Advance([.. parents], [.. tokens]);
        }
        return sequences.Select((s, i) => new GeneratedSequence(s.Skip(1).ToArray(), scores[i])).ToArray();
    }

    private float LogProbability(Span<float> scores, int token) =>
        processors.Normalizes ? scores[token] : LogSoftmax.Of(scores, token);
}
