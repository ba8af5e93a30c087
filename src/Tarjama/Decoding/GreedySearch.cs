using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Tarjama.Decoding.Constraints;

namespace Tarjama.Decoding;

/// <summary>Takes the best-scoring token at each step; rows leave the batch when they end.</summary>
public sealed class GreedySearch(GenerationSettings settings, LogitsProcessorList processors) : IDecodingStrategy
{
    public GeneratedSequence[] Decode(IDecoderBatch batch, SentenceConstraints? constraints = null)
    {
        int sentences = batch.Rows;
        var terms = constraints is { Any: true } ? new GreedyTermChooser(constraints, settings, sentences) : null;
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
            var chosen = new int[batch.Rows];
            // Rows are independent: they are scored on all cores while ONNX Runtime's threads are idle.
            Parallel.For(0, batch.Rows, row =>
            {
                int sentence = batch.SentenceOfRow[row];
                var logits = batch.Logits(row);
                processors.Process(CollectionsMarshal.AsSpan(sequences[sentence]), logits);
                chosen[row] = terms?.Choose(sentence, CollectionsMarshal.AsSpan(sequences[sentence]), logits) ?? TensorPrimitives.IndexOfMax(logits);
                scores[sentence] += LogProbability(logits, chosen[row]);
            });
            for (int row = 0; row < chosen.Length; row++)
            {
                var sequence = sequences[batch.SentenceOfRow[row]];
                sequence.Add(chosen[row]);
                if (!settings.EosTokenIds.Contains(chosen[row]) && sequence.Count < settings.MaxLength)
                {
                    parents.Add(row);
                    tokens.Add(chosen[row]);
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
