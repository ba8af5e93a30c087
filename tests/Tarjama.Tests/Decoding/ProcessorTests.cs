using Tarjama.Decoding;

namespace Tarjama.Tests.Decoding;

/// <summary>Each logits processor against the rule its Hugging Face counterpart implements.</summary>
public class ProcessorTests
{
    [Fact]
    public void Repetition_penalty_divides_positive_and_multiplies_negative_scores_once_per_token()
    {
        float[] scores = [2f, -1f, 3f, 0.5f];
        new RepetitionPenalty(2f).Process([0, 1, 1, 0], scores);
        Assert.Equal([1f, -2f, 3f, 0.5f], scores);
    }

    [Fact]
    public void No_repeat_ngram_bans_tokens_that_complete_a_seen_ngram()
    {
        float[] scores = [0f, 0f, 0f, 0f, 0f];
        new NoRepeatNgram(3).Process([4, 1, 2, 3, 1, 2], scores);
        Assert.Equal([0f, 0f, 0f, float.NegativeInfinity, 0f], scores);
    }

    [Fact]
    public void No_repeat_ngram_does_nothing_before_a_full_ngram_could_form()
    {
        float[] scores = [0f, 0f, 0f];
        new NoRepeatNgram(3).Process([2], scores);
        Assert.All(scores, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Bad_words_ban_single_tokens_always_and_sequences_after_their_prefix()
    {
        var badWords = new BadWords([[4], [1, 2], [0]], eosIds: [0]);
        float[] afterOne = [0f, 0f, 0f, 0f, 0f];
        badWords.Process([3, 1], afterOne);
        Assert.Equal([0f, 0f, float.NegativeInfinity, 0f, float.NegativeInfinity], afterOne);
        float[] afterTwo = [0f, 0f, 0f, 0f, 0f];
        badWords.Process([3, 2], afterTwo);
        Assert.Equal([0f, 0f, 0f, 0f, float.NegativeInfinity], afterTwo);
    }

    [Fact]
    public void Forced_eos_leaves_only_end_of_sentence_at_the_last_step()
    {
        float[] scores = [1f, 5f, 2f];
        new ForcedEos(maxLength: 4, eosId: 0).Process([9, 1, 1], scores);
        Assert.Equal([0f, float.NegativeInfinity, float.NegativeInfinity], scores);
        float[] earlier = [1f, 5f, 2f];
        new ForcedEos(maxLength: 4, eosId: 0).Process([9, 1], earlier);
        Assert.Equal([1f, 5f, 2f], earlier);
    }

    [Fact]
    public void Log_softmax_gives_log_probabilities()
    {
        float[] scores = [1f, 2f, 3f];
        LogSoftmax.Apply(scores);
        double sum = scores.Sum(s => Math.Exp(s));
        Assert.Equal(1.0, sum, 5);
        Assert.Equal(Math.Log(Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3))), scores[2], 5);
    }

    [Fact]
    public void Greedy_with_repetition_penalty_turns_away_from_a_repeated_token()
    {
        // Raw logits: A 2.0, B 1.5. Once A is in the sequence, penalty 2 makes it 1.0 < 1.5; once both are, A's 1.0 beats B's 0.75.
        var settings = new GenerationSettings { MaxLength = 4, RepetitionPenalty = 2f, EosTokenIds = [0], DecoderStartTokenId = 3 };
        var batch = new ScriptedDecoderBatch(1, 3, 4, _ => new() { [1] = Math.Exp(2.0), [2] = Math.Exp(1.5), [0] = Math.Exp(-5) });
        var result = new GreedySearch(settings, scored: false).Decode(batch, [DecodeRequest.Plain(settings)])[0][0];
        Assert.Equal([1, 2, 1], result.Tokens);
    }
}
