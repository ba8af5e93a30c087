using Tarjama.Decoding;

namespace Tarjama.Tests.Decoding;

/// <summary>Beam search rules worked out by hand from Hugging Face's BeamSearchScorer and BeamHypotheses.</summary>
public class BeamRuleTests
{
    private const int Eos = 0, A = 1, B = 2, C = 3, Start = 4, Vocab = 5;

    private static GenerationSettings Settings(float lengthPenalty = 1f, EarlyStopping early = EarlyStopping.Heuristic) => new()
    {
        NumBeams = 2,
        MaxLength = 10,
        LengthPenalty = lengthPenalty,
        EarlyStopping = early,
        EosTokenIds = [Eos],
        DecoderStartTokenId = Start,
    };

    // After the start: end (p .6) or A (p .4); after A only the end. Two finished hypotheses: [end] with
    // log .6 over length 1, and [A end] with log .4 over length 2.
    private static Dictionary<int, double> ShortOrLong(IReadOnlyList<int> sequence) =>
        sequence.Count == 1 ? new() { [Eos] = 0.6, [A] = 0.4 } : new() { [Eos] = 1.0 };

    [Theory]
    [InlineData(1f, new[] { A, Eos })]   // -0.511 vs -0.916/2 = -0.458: the longer wins
    [InlineData(2f, new[] { A, Eos })]   // -0.511 vs -0.916/4 = -0.229
    [InlineData(0f, new[] { Eos })]      // -0.511 vs -0.916: the shorter wins
    [InlineData(0.1f, new[] { Eos })]    // -0.511 vs -0.916/2^0.1 = -0.855
    public void Length_penalty_ranks_finished_hypotheses_by_score_over_length_to_the_power(float penalty, int[] expected)
    {
        var settings = Settings(penalty);
        var batch = new ScriptedDecoderBatch(1, Start, Vocab, ShortOrLong);
        var result = new BeamSearch(settings).Decode(batch, [DecodeRequest.Plain(settings)])[0][0];
        Assert.Equal(expected, result.Tokens);
        double sum = expected.Length == 1 ? Math.Log(0.6) : Math.Log(0.4);
        Assert.Equal(sum / Math.Pow(expected.Length, penalty), result.Score!.Value, 5);
    }

    // Start: A .5, B .3 (end .2 is ranked third and never considered). Step 2: A-end -0.799, B-end -1.715, B-C -2.120,
    // A-C -2.996: two hypotheses finish. Step 3 (only if decoding goes on): every beam must end.
    private static Dictionary<int, double> TwoFinishEarly(IReadOnlyList<int> sequence) => sequence.Count switch
    {
        1 => new() { [A] = 0.5, [B] = 0.3, [Eos] = 0.2 },
        2 when sequence[1] == A => new() { [Eos] = 0.9, [C] = 0.1 },
        2 => new() { [Eos] = 0.6, [C] = 0.4 },
        _ => new() { [Eos] = 1.0 },
    };

    [Fact]
    public void Early_stopping_true_stops_once_num_beams_hypotheses_are_finished()
    {
        var settings = Settings(early: EarlyStopping.Early);
        var batch = new ScriptedDecoderBatch(1, Start, Vocab, TwoFinishEarly);
        var result = new BeamSearch(settings).Decode(batch, [DecodeRequest.Plain(settings)])[0][0];
        Assert.Equal([A, Eos], result.Tokens);
        Assert.Equal(2, batch.Steps);
    }

    [Fact]
    public void Early_stopping_false_goes_on_while_an_open_beam_could_still_win()
    {
        // Worst finished: -1.715/2 = -0.858; best candidate -0.799/2 = -0.400 could still beat it, so a third step runs.
        var settings = Settings(early: EarlyStopping.Heuristic);
        var batch = new ScriptedDecoderBatch(1, Start, Vocab, TwoFinishEarly);
        var result = new BeamSearch(settings).Decode(batch, [DecodeRequest.Plain(settings)])[0][0];
        Assert.Equal([A, Eos], result.Tokens);
        Assert.Equal(3, batch.Steps);
    }

    [Fact]
    public void Hypotheses_that_reach_max_length_are_kept_without_end_of_sentence()
    {
        var settings = Settings() with { MaxLength = 4 };
        var batch = new ScriptedDecoderBatch(1, Start, Vocab, _ => new() { [A] = 0.7, [B] = 0.2, [Eos] = 0.1 });
        var result = new BeamSearch(settings).Decode(batch, [DecodeRequest.Plain(settings)])[0][0];
        Assert.Equal([A, A, A], result.Tokens);
        Assert.Equal(3 * Math.Log(0.7) / 3, result.Score!.Value, 4);
    }

    [Fact]
    public void Forced_end_of_sentence_ends_every_beam_at_the_last_step()
    {
        var settings = Settings() with { MaxLength = 4, ForcedEosTokenId = Eos };
        var batch = new ScriptedDecoderBatch(1, Start, Vocab, _ => new() { [A] = 0.7, [B] = 0.2, [Eos] = 0.1 });
        var result = new BeamSearch(settings).Decode(batch, [DecodeRequest.Plain(settings)])[0][0];
        Assert.Equal([A, A, Eos], result.Tokens);
    }

    [Fact]
    public void No_repeat_ngram_applies_to_beams_too()
    {
        // A is always likeliest: unconstrained, the beam is all A; with bigrams banned no bigram may repeat.
        static Dictionary<int, double> Next(IReadOnlyList<int> _) => new() { [A] = 0.6, [B] = 0.3, [Eos] = 0.1 };
        var free = Settings() with { MaxLength = 5 };
        Assert.Equal([A, A, A, A], new BeamSearch(free).Decode(new ScriptedDecoderBatch(1, Start, Vocab, Next), [DecodeRequest.Plain(free)])[0][0].Tokens);
        var settings = free with { NoRepeatNgramSize = 2 };
        var tokens = new BeamSearch(settings).Decode(new ScriptedDecoderBatch(1, Start, Vocab, Next), [DecodeRequest.Plain(settings)])[0][0].Tokens;
        int[] sequence = [Start, .. tokens];
        var bigrams = sequence.Zip(sequence.Skip(1)).ToList();
        Assert.Equal(bigrams.Count, bigrams.Distinct().Count());
        Assert.Equal(4, tokens.Length);
    }
}
