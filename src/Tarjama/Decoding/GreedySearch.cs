using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Tarjama.Decoding.Constraints;

namespace Tarjama.Decoding;

/// <summary>Takes the best-scoring token at each step; rows leave the batch when they end.</summary>
public sealed class GreedySearch(GenerationSettings settings) : IDecodingStrategy
{
    public IReadOnlyList<GeneratedSequence>[] Decode(IDecoderBatch batch, IReadOnlyList<DecodeRequest> requests)
    {
        int sentences = batch.Rows;
        var terms = requests.Any(request => request.Terms is { Count: > 0 }) ? new GreedyTermChooser(requests, settings, sentences) : null;
        var sequences = new List<int>[sentences];
        // A sentence whose steps come without a score (the shortlist) has none.
        var scores = new double?[sentences];
        for (int s = 0; s < sentences; s++)
        {
            sequences[s] = [requests[s].Prefix[0]];
            scores[s] = 0;
        }
        var parents = new List<int>(sentences);
        var tokens = new List<long>(sentences);
        var chosen = new int[sentences];
        while (true)
        {
            parents.Clear();
            tokens.Clear();
            // Rows are scored on this thread: ONNX Runtime's workers spin between its runs, and a parallel loop here
            // fought them for the cores (NLLB-600M's shape, 2 cores, batch 16: the bounds pass over 16 rows' 256k
            // estimates took 4x the thread time; BENCHMARKS.md).
            for (int row = 0; row < batch.Rows; row++)
            {
                int sentence = batch.SentenceOfRow[row];
                var (prefix, processors) = (requests[sentence].Prefix, requests[sentence].Processors);
                var sequence = sequences[sentence];
                if (sequence.Count < prefix.Length)
                {
                    chosen[row] = prefix[sequence.Count];
                    continue;
                }
                var history = CollectionsMarshal.AsSpan(sequence);
                if (terms is null || requests[sentence].Terms is not { Count: > 0 })
                {
                    (chosen[row], float? score) = batch.Best(row, processors, history);
                    scores[sentence] += score;
                    continue;
                }
                var logits = batch.Logits(row);
                processors.Process(history, logits);
                chosen[row] = terms.Choose(sentence, history, logits) ?? TensorPrimitives.IndexOfMax(logits);
                scores[sentence] += processors.ScoreOf(logits, chosen[row]);
            }
            for (int row = 0; row < batch.Rows; row++)
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
        return sequences.Select((s, i) => (IReadOnlyList<GeneratedSequence>)[new GeneratedSequence(s.Skip(1).ToArray(), scores[i])]).ToArray();
    }
}
