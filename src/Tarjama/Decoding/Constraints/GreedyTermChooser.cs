using System.Numerics.Tensors;

namespace Tarjama.Decoding.Constraints;

/// <summary>Greedy decoding with terms: the model chooses every token, and a term it writes by itself counts; when it
/// would end the sentence with a term unmet, or only just enough steps are left for the unmet terms, the term (the one
/// it has started, else the one whose first piece it likes best) is written out piece by piece, then the model goes on.</summary>
internal sealed class GreedyTermChooser(IReadOnlyList<DecodeRequest> requests, GenerationSettings settings, int sentences)
{
    private readonly int[] _forcing = Enumerable.Repeat(-1, sentences).ToArray();
    private readonly int[] _next = new int[sentences];

    /// <summary>The token <paramref name="sentence"/> takes next, or null to take the model's best as usual. Each
    /// sentence must be asked from one thread at a time.</summary>
    /// <param name="sequence">The sentence's tokens so far, the decoder start token included.</param>
    /// <param name="scores">The row's processed scores; a forced piece a processor ruled out gets a heavy finite cost instead.</param>
    public int? Choose(int sentence, ReadOnlySpan<int> sequence, Span<float> scores)
    {
        if (requests[sentence].Terms is not { Count: > 0 } terms)
        {
            return null;
        }
        if (_forcing[sentence] < 0)
        {
            var progress = ConstraintProgress.Of(sequence[1..], terms);
            int best = TensorPrimitives.IndexOfMax(scores);
            int slots = settings.MaxLength - 1 - sequence.Length;
            if (progress.AllMet || (!settings.EosTokenIds.Contains(best) && progress.UnmetTokens < slots))
            {
                return null;
            }
            (_forcing[sentence], _next[sentence]) = progress.InProgress >= 0 ? (progress.InProgress, progress.Matched) : (progress.BestUnmet(scores), 0);
        }
        var tokens = terms[_forcing[sentence]].Tokens;
        int token = tokens[_next[sentence]++];
        if (_next[sentence] == tokens.Length)
        {
            _forcing[sentence] = -1;
        }
        scores[token] = Math.Max(scores[token], ConstrainedBeamStep.RuledOutScore);
        return token;
    }
}
