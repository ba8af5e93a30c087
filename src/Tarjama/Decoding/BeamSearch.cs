using Tarjama.Decoding.Constraints;

namespace Tarjama.Decoding;

/// <summary>Beam search as Hugging Face's <c>generate</c> runs it: per sentence, the top 2·beams candidates over all
/// beams by summed log-probability; candidates ending the sentence become finished hypotheses, the rest the next
/// beams; a sentence stops by the <see cref="EarlyStopping"/> rule and leaves the batch.</summary>
public sealed class BeamSearch(GenerationSettings settings) : IDecodingStrategy
{
    private sealed record Beam(int[] Sequence, float Score, int Row);

    public IReadOnlyList<GeneratedSequence>[] Decode(IDecoderBatch batch, IReadOnlyList<DecodeRequest> requests)
    {
        int beamCount = settings.NumBeams;
        int sentences = batch.Rows;
        var beams = new List<Beam>[sentences];
        var hypotheses = new BeamHypotheses[sentences];
        var done = new bool[sentences];
        for (int s = 0; s < sentences; s++)
        {
            // All beams start alike, so the first step runs once per sentence (the reference's -1e9 start scores make
            // its other beams unreachable anyway).
            beams[s] = [new Beam([requests[s].Prefix[0]], 0f, s)];
            hypotheses[s] = new BeamHypotheses(beamCount, settings.LengthPenalty, settings.EarlyStopping, settings.MaxLength);
        }
        int candidates = Math.Max(2, 1 + settings.EosTokenIds.Count) * beamCount;
        var parents = new List<int>();
        var tokens = new List<long>();
        while (true)
        {
            parents.Clear();
            tokens.Clear();
            var active = Enumerable.Range(0, sentences).Where(s => !done[s]).ToArray();
            int length = beams[active[0]][0].Sequence.Length + 1;
            // Sentences are scored independently, on all cores: each normalizes every logit of its beams, enough work to
            // gain from them although ONNX Runtime's workers spin meanwhile (greedy's few bounds per row did not).
            Parallel.For(0, active.Length, () => new TopCandidates(candidates), (i, _, top) =>
            {
                int s = active[i];
                var prefix = requests[s].Prefix;
                if (length <= prefix.Length)
                {
                    // A forced token: every beam takes it and keeps its score (the reference's forced processor
                    // leaves that token at 0 and everything else at -inf).
                    beams[s] = beams[s].ConvertAll(b => b with { Sequence = [.. b.Sequence, prefix[length - 1]] });
                    return top;
                }
                if (requests[s].Terms is { Count: > 0 } terms)
                {
                    var (next, best) = ConstrainedBeamStep.Step(batch, [.. beams[s].Select(b => (b.Sequence, b.Score, b.Row))], terms, requests[s].Processors, settings, hypotheses[s], length);
                    beams[s] = [.. next.Select(b => new Beam(b.Sequence, b.Score, b.Row))];
                    done[s] = hypotheses[s].IsDone(best, length - 1);
                    return top;
                }
                Score(batch, beams[s], top, requests[s].Processors);
                beams[s] = Select(top, beams[s], hypotheses[s], length, beamCount);
                done[s] = hypotheses[s].IsDone(top.Score(0), length - 1);
                return top;
            }, _ => { });
            foreach (int s in active.Where(s => !done[s]))
            {
                beams[s] = Place(beams[s], parents, tokens);
            }
            if (parents.Count == 0)
            {
                break;
            }
            if (length >= settings.MaxLength)
            {
                for (int s = 0; s < sentences; s++)
                {
                    if (!done[s])
                    {
                        foreach (var beam in beams[s])
                        {
                            hypotheses[s].Add(beam.Sequence[1..], beam.Score, beam.Sequence.Length - 1);
                        }
                    }
                }
                break;
            }
            batch.Advance([.. parents], [.. tokens]);
        }
        return hypotheses.Select((h, s) => (IReadOnlyList<GeneratedSequence>)h.Best(requests[s].NBest)
            .Select(b => new GeneratedSequence(b.Tokens, b.Score)).ToList()).ToArray();
    }

    private static void Score(IDecoderBatch batch, List<Beam> beams, TopCandidates top, LogitsProcessorList processors)
    {
        top.Clear();
        for (int j = 0; j < beams.Count; j++)
        {
            var scores = batch.Logits(beams[j].Row);
            LogSoftmax.Apply(scores);
            processors.Process(beams[j].Sequence, scores);
            top.Add(j, scores, beams[j].Score);
        }
    }

    private List<Beam> Select(TopCandidates top, List<Beam> beams, BeamHypotheses hypotheses, int length, int beamCount)
    {
        var next = new List<Beam>(beamCount);
        for (int rank = 0; rank < top.Count && next.Count < beamCount; rank++)
        {
            var parent = beams[top.Beam(rank)];
            int token = top.Token(rank);
            int[] sequence = [.. parent.Sequence, token];
            if (settings.EosTokenIds.Contains(token))
            {
                if (rank < beamCount)
                {
                    hypotheses.Add(sequence[1..], top.Score(rank), length - 1);
                }
            }
            else
            {
                next.Add(new Beam(sequence, top.Score(rank), parent.Row));
            }
        }
        return next;
    }

    // The batch's next rows: each beam continues its parent's row with its last token.
    private static List<Beam> Place(List<Beam> beams, List<int> parents, List<long> tokens)
    {
        var placed = new List<Beam>(beams.Count);
        foreach (var beam in beams)
        {
            placed.Add(beam with { Row = parents.Count });
            parents.Add(beam.Row);
            tokens.Add(beam.Sequence[^1]);
        }
        return placed;
    }
}
