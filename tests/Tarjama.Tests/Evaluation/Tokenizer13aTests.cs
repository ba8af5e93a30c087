using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

/// <summary>Expected tokens are those of sacreBLEU's own regular expressions run by Python's <c>re</c>.</summary>
public class Tokenizer13aTests
{
    [Theory]
    [InlineData("&quot;Hello,&quot; he said.", "\" Hello , \" he said .")]
    [InlineData("It costs $3.50, or 1,000.5 (est.) in 2019-2020.", "It costs $ 3.50 , or 1,000.5 ( est . ) in 2019 - 2020 .")]
    [InlineData("a.b,c x-1 e-mail <skipped>word", "a . b , c x-1 e-mail word")]
    [InlineData("(hi) [there]! 😀.", "( hi ) [ there ] ! 😀 .")]
    [InlineData("ثلاثة، أربعة. خمسة", "ثلاثة، أربعة . خمسة")]
    [InlineData("it's &amp; &lt;b&gt;", "it's & < b >")]
    public void Tokenizes_like_mteval_v13a(string line, string expected)
    {
        Assert.Equal(expected, Tokenizer13a.Tokenize(line));
    }

    [Fact]
    public void Between_letters_every_ascii_punctuation_mark_but_apostrophe_and_hyphen_is_split_off()
    {
        string splitOff = new(Enumerable.Range(33, 94).Select(c => (char)c)
            .Where(c => Tokenizer13a.Tokenize($"x{c}x") == $"x {c} x").ToArray());

        Assert.Equal("!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~", splitOff);
    }
}
