using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Tarjama.Decoding.Constraints;

namespace Tarjama.Decoding;

/// <summary>Takes the best-scoring token at each step; rows leave the batch when they end. A sequence's score (the sum
/// of its tokens' log-probabilities) comes when <paramref name="scored"/> and for sentences with terms, whose chooser
/// reads every processed logit anyway: the normalizer reads every logit, which the batch may otherwise not compute at
/// all (a shortlist), and is 9% of an NLLB step where it does.</summary>
public sealed class GreedySearch(GenerationSettings settings, bool scored) : IDecodingStrategy
{
    public IReadOnlyList<GeneratedSequence>[] Decode(IDecoderBatch batch, IReadOnlyList<DecodeRequest> requests)
    {
        int sentences = batch.Rows;
        var terms = requests.Any(request => request.Terms is { Count: > 0 }) ? new GreedyTermChooser(requests, settings, sentences) : null;
        var sequences = new List<int>[sentences];
        // A sentence whose steps come without a score has none.
        var scores = new double?[sentences];
        for (int s = 0; s < sentences; s++)
        {
            sequences[s] = [requests[s].Prefix[0]];
            scores[s] = 0;
        }
        var parents = new List<int>(sentences);
        var tokens = new List<long>(sentences);
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
                var sequence = sequences[sentence];
                int token = Next(batch, row, requests[sentence], sequence, terms, sentence, ref scores[sentence]);
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
        return sequences.Select((s, i) => (IReadOnlyList<GeneratedSequence>)[new GeneratedSequence(s.Skip(1).ToArray(), scores[i])]).ToArray();
    }

    /// <summary>The row's next token: forced by its prefix, the best (with its score added to the sentence's), or the
    /// term chooser's.</summary>
    private int Next(IDecoderBatch batch, int row, DecodeRequest request, List<int> sequence, GreedyTermChooser? terms, int sentence, ref double? score)
    {
        if (sequence.Count < request.Prefix.Length)
        {
            return request.Prefix[sequence.Count];
        }
        var history = CollectionsMarshal.AsSpan(sequence);
        if (terms is null || request.Terms is not { Count: > 0 })
        {
            (int best, float? step) = batch.Best(row, request.Processors, history, scored);
            score += step;
            return best;
        }
        var logits = batch.Logits(row);
        request.Processors.Process(history, logits);
        int token = terms.Choose(sentence, history, logits) ?? TensorPrimitives.IndexOfMax(logits);
        score += request.Processors.ScoreOf(logits, token);
        return token;
    }
}
