using Tarjama.Text;

namespace Tarjama.Tests.Text;

public class PunctuationStyleTests
{
    [Theory]
    [InlineData("He said «yes» ، then left ؟", "He said “yes”, then left?")]
    [InlineData("First ؛ second", "First; second")]
    [InlineData("Hello ,world .", "Hello, world.")]
    [InlineData("( inside ) and [ there ]", "(inside) and [there]")]
    [InlineData("too   many\n spaces ", "too many spaces")]
    [InlineData("1,000 people and 3.5 percent at 10:30", "1,000 people and 3.5 percent at 10:30")]
    [InlineData("Note:this,that", "Note: this, that")]
    [InlineData("said“yes”and", "said “yes” and")]
    [InlineData("50 ٪", "50%")]
    [InlineData("rose ٣٫٥ percent in ۲۰۲۴, to ١٢٬٥٠٠", "rose 3.5 percent in 2024, to 12,500")]
    [InlineData("word [1] , [2] .", "word [1], [2].")]
    public void WritesEnglishPunctuation(string text, string expected) => Assert.Equal(expected, PunctuationStyle.Apply(text, "en"));

    [Theory]
    [InlineData("هل أنت بخير?", "هل أنت بخير؟")]
    [InlineData("نعم, لا; ربما", "نعم، لا؛ ربما")]
    [InlineData("قال “نعم” ثم ذهب", "قال «نعم» ثم ذهب")]
    [InlineData("كلمة ، كلمة . ( نص )", "كلمة، كلمة. (نص)")]
    [InlineData("1,000 شخص", "1,000 شخص")]
    [InlineData("٣٫٥ شخص", "٣٫٥ شخص")]
    [InlineData("أولا،ثانيا", "أولا، ثانيا")]
    public void WritesArabicPunctuation(string text, string expected) => Assert.Equal(expected, PunctuationStyle.Apply(text, "ar"));
}
