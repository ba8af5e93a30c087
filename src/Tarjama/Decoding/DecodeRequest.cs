using Tarjama.Decoding.Constraints;

namespace Tarjama.Decoding;

/// <summary>How one sentence is decoded, beside the search settings its batch shares (beams, lengths, end-of-sentence):
/// the decoder prefix (the decoder start token, then tokens forced before free generation, such as NLLB's
/// target-language token), the sentence's own logits processors, and how many hypotheses to return. Sentences with
/// different prefixes and processors share a batch, as CTranslate2's <c>decode</c> takes start tokens per example.</summary>
/// <param name="Prefix">Decoder start token first; every later token is forced at its position (score 0, as
/// Hugging Face's ForcedBOSTokenLogitsProcessor leaves it).</param>
/// <param name="Processors">Run on this sentence's rows only: per-sentence rules (a glossary constraint, say) are
/// added here, next to the ones the generation config asks for.</param>
/// <param name="NBest">Hypotheses to return, best first (Hugging Face's <c>num_return_sequences</c>); at most the beam count.</param>
/// <param name="Terms">Glossary terms the translation must hold (their target pieces), enforced by the search; null or
/// empty: the sentence decodes exactly as without them.</param>
public sealed record DecodeRequest(int[] Prefix, LogitsProcessorList Processors, int NBest = 1, IReadOnlyList<TermConstraint>? Terms = null)
{
    /// <summary>The request a generation config alone makes: decoder start, then free generation.</summary>
    public static DecodeRequest Plain(GenerationSettings settings) =>
        new([settings.DecoderStartTokenId], LogitsProcessorList.From(settings));
}
