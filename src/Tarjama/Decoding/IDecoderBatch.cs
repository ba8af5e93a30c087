using System.Numerics.Tensors;

namespace Tarjama.Decoding;

/// <summary>A batch of decoder rows in flight, as a decoding strategy sees it: the logits of the current step, and a
/// way to go on. Strategies never see the model behind it (greedy and beam search run the same on any model).</summary>
public interface IDecoderBatch
{
    int Rows { get; }

    int VocabSize { get; }

    /// <summary>Which input sentence each current row belongs to.</summary>
    ReadOnlySpan<int> SentenceOfRow { get; }

    /// <summary>The current step's logits for one row, writable so processors can work in place; rows may be read
    /// and changed from several threads at once.</summary>
    Span<float> Logits(int row);

    /// <summary>The best next token of one row after its processors, and, when <paramref name="scored"/>, its
    /// log-probability: greedy search's question, which a batch may answer without computing every logit, and then
    /// without the log-probability (null), whose normalizer needs them all. By default it reads them all.</summary>
    (int Token, float? Score) Best(int row, LogitsProcessorList processors, ReadOnlySpan<int> sequence, bool scored) =>
        BestOf(Logits(row), processors, sequence, scored);

    /// <summary>The best token of a full row of logits, which the processors change in place, and its log-probability
    /// when <paramref name="scored"/>; unscored, a final log-softmax is skipped (it changes no order), and so is the
    /// normalizer's two passes over the vocabulary.</summary>
    static (int Token, float? Score) BestOf(Span<float> logits, LogitsProcessorList processors, ReadOnlySpan<int> sequence, bool scored)
    {
        var applied = scored ? processors : processors.Unnormalized;
        applied.Process(sequence, logits);
        int token = TensorPrimitives.IndexOfMax(logits);
        return (token, scored ? processors.ScoreOf(logits, token) : null);
    }

    /// <summary>Runs the next step: new row i continues current row <c>parents[i]</c> with <c>tokens[i]</c>. Rows not
    /// named are dropped (finished sentences leave the batch); a row may be named several times (beams).</summary>
    void Advance(int[] parents, long[] tokens);
}
