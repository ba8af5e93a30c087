using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

/// <summary>chrF and chrF++ against the expected values of sacreBLEU's test_chrf.py and README, and of the chrF examples of
/// Hugging Face evaluate, which computes them with sacreBLEU.</summary>
public class ChrfTests
{
    private static References Refs(params string[][] streams) => References.FromStreams(streams);

    private static readonly ChrfOptions Beta3 = new() { Beta = 3 };

    [Theory]
    [InlineData(new[] { "abcdefg" }, new[] { "hijklmnop" }, 0.0)]
    [InlineData(new[] { "a" }, new[] { "b" }, 0.0)]
    [InlineData(new[] { "" }, new[] { "b" }, 0.0)]
    [InlineData(new[] { "" }, new[] { "ref" }, 0.0)]
    [InlineData(new[] { "" }, new[] { "reference" }, 0.0)]
    [InlineData(new[] { "aa" }, new[] { "ab" }, 8.3333)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "c" }, 8.3333)]
    [InlineData(new[] { "a" }, new[] { "a" }, 16.6667)]
    [InlineData(new[] { "a b c" }, new[] { "a b c" }, 50.0)]
    [InlineData(new[] { "a b c" }, new[] { "abc" }, 50.0)]
    [InlineData(new[] { " risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ." },
        new[] { "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ." }, 63.361730)]
    [InlineData(new[] { " Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. " },
        new[] { "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich." }, 64.1302698)]
    [InlineData(new[] { "Niemand hat die Absicht, eine Mauer zu errichten" }, new[] { "Niemand hat die Absicht, eine Mauer zu errichten" }, 100.0)]
    public void Epsilon_smoothing(string[] hypotheses, string[] references, double expected)
    {
        var chrf = new Chrf(Beta3 with { EpsSmoothing = true });

        Assert.Equal(expected, chrf.Score(hypotheses, Refs(references)).Score, 1e-4);
    }

    [Theory]
    [InlineData(new[] { "a" }, new[] { "a" }, 100.0)]
    [InlineData(new[] { "" }, new[] { "reference" }, 0.0)]
    [InlineData(new[] { "a b c" }, new[] { "a b c" }, 100.0)]
    [InlineData(new[] { "a b c" }, new[] { "abc" }, 100.0)]
    [InlineData(new[] { "" }, new[] { "c" }, 0.0)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "c" }, 50.0)]
    [InlineData(new[] { "aa" }, new[] { "ab" }, 25.0)]
    public void Effective_order_the_default(string[] hypotheses, string[] references, double expected)
    {
        Assert.Equal(expected, new Chrf(Beta3).Score(hypotheses, Refs(references)).Score, 1e-4);
    }

    [Theory]
    [InlineData("Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.",
        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.", 67.3481606)]
    [InlineData("risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .",
        "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .", 65.2414427)]
    public void Keeping_whitespace(string hypothesis, string reference, double expected)
    {
        var chrf = new Chrf(Beta3 with { IncludeWhitespace = true });

        Assert.Equal(expected, chrf.Score([hypothesis], Refs([reference])).Score, 1e-4);
    }

    [Theory]
    [InlineData("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509)]
    [InlineData("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
        "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079)]
    [InlineData("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
        "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367)]
    public void Sentence_level_with_epsilon_smoothing(string hypothesis, string reference, double expected)
    {
        var chrf = new Chrf(new ChrfOptions { EpsSmoothing = true });

        Assert.Equal(expected, chrf.ScoreSentence(hypothesis, [reference]).Score, 1e-4);
    }

    [Fact]
    public void Corpus_with_two_references_matches_sacrebleu_readme()
    {
        var score = new Chrf().Score(SacreBleuExamples.Hypotheses, SacreBleuExamples.References);

        Assert.Equal("chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.5.1 = 59.73", score.Format(2));
    }

    // Hugging Face evaluate's chrF examples.
    private static readonly string[] CatsHypotheses =
        ["The relationship between cats and dogs is not exactly friendly.", "a good bookshop is just a genteel black hole that knows how to read."];

    private static readonly string[] CatsReferences =
        ["The relationship between dogs and cats is not exactly friendly.", "A good bookshop is just a genteel Black Hole that knows how to read."];

    [Fact]
    public void Chrf_of_the_evaluate_example()
    {
        Assert.Equal(84.64214891738334, new Chrf().Score(CatsHypotheses, Refs(CatsReferences)).Score, 1e-9);
    }

    [Fact]
    public void Chrf_plus_plus_of_the_evaluate_example()
    {
        var score = new Chrf(ChrfOptions.ChrfPlusPlus).Score(CatsHypotheses, Refs(CatsReferences));

        Assert.Equal(82.87263732906315, score.Score, 1e-9);
        Assert.Equal("chrF2++", score.Name);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.5.1", score.Signature);
    }

    [Fact]
    public void A_character_is_a_code_point_so_an_emoji_is_one()
    {
        // Unigrams: one of two match; bigrams: none of one; longer orders have no n-grams.
        Assert.Equal(25.0, new Chrf().Score(["😀a"], Refs(["😀b"])).Score, 1e-9);
    }

    [Theory]
    [InlineData("(hi) there,", new[] { "(hi", ")", "there", "," })]
    [InlineData("\"quoted", new[] { "\"", "quoted" })]
    [InlineData("! a-b", new[] { "!", "a-b" })]
    [InlineData("مرحبا، عالم.", new[] { "مرحبا،", "عالم", "." })]
    public void Chrf_plus_plus_splits_one_punctuation_mark_off_a_word(string sentence, string[] expected)
    {
        Assert.Equal(expected, Chrf.WordsWithPunctuationSplit(sentence));
    }

    [Fact]
    public void Each_segment_uses_its_best_reference()
    {
        var one = new Chrf().Score(["the cat sat"], Refs(["a dog ran"], ["the cat sat"]));

        Assert.Equal(100.0, one.Score, 1e-9);
    }
}
