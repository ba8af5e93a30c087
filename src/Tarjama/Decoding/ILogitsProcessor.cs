namespace Tarjama.Decoding;

/// <summary>One rule applied to a row's next-token scores, as Hugging Face's logits processors are.</summary>
public interface ILogitsProcessor
{
    /// <param name="sequence">The row's decoder tokens so far, the decoder start token included.</param>
    /// <param name="scores">The row's next-token scores, changed in place.</param>
    void Process(ReadOnlySpan<int> sequence, Span<float> scores);

    /// <summary>Whether each score's new value depends only on that score and never falls when it rises (a penalty,
    /// a ban): applied to bounds on the scores it gives bounds on the results, which greedy search's shortlist needs.</summary>
    bool KeepsOrder => false;
}
