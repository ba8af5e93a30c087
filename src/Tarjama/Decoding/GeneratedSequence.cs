using Tarjama.Decoding.Constraints;

namespace Tarjama.Decoding;

/// <summary>What decoding produced for one input: token ids without the decoder start token (ending with
/// end-of-sentence when one was generated) and the score the reference reports for it.</summary>
public sealed record GeneratedSequence(int[] Tokens, double Score);

/// <summary>A decoding strategy (greedy, beam search): drives a decoder batch to the end and returns one sequence per sentence.</summary>
public interface IDecodingStrategy
{
    /// <param name="constraints">Terms each sentence's translation must hold; null or empty for none.</param>
    GeneratedSequence[] Decode(IDecoderBatch batch, SentenceConstraints? constraints = null);
}
