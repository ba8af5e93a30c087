namespace Tarjama.Decoding;

/// <summary>What decoding produced for one input: token ids without the decoder start token (forced prefix tokens
/// included, ending with end-of-sentence when one was generated) and the score the reference reports for it, null
/// where greedy search chose the tokens on its shortlist without every logit.</summary>
public sealed record GeneratedSequence(int[] Tokens, double? Score);

/// <summary>A decoding strategy (greedy, beam search): drives a decoder batch to the end and returns, per sentence,
/// the hypotheses its request asks for, best first.</summary>
public interface IDecodingStrategy
{
    /// <param name="batch">Rows start as one per sentence, each on its request's decoder start token.</param>
    /// <param name="requests">One per sentence of the batch.</param>
    IReadOnlyList<GeneratedSequence>[] Decode(IDecoderBatch batch, IReadOnlyList<DecodeRequest> requests);
}
