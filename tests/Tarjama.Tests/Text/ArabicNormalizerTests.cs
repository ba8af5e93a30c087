using Tarjama.Text;

namespace Tarjama.Tests.Text;

public class ArabicNormalizerTests
{
    private static readonly TextNormalizationOptions Defaults = new();

    [Theory]
    [InlineData("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789")]
    [InlineData("نما ٣٫٥ في المئة من ١٬٢٥٠٬٠٠٠", "نما 3.5 في المئة من 1,250,000")]
    [InlineData("فاصل ٫ وحده ٬ يبقى", "فاصل ٫ وحده ٬ يبقى")]
    [InlineData("جـــميـل", "جميل")]
    [InlineData("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "السلام عليكم")]
    [InlineData("ﻻ", "لا")]
    [InlineData("ٵ", "اٴ")]
    [InlineData("a\u200Bb\u200Cc\u200Fd\u202Be\u2066f\u061Cg\uFEFFh\u00ADi", "abcdefghi")]
    [InlineData("مُحَمَّدٌ", "مُحَمَّدٌ")]
    [InlineData("plain English 123", "plain English 123")]
    public void NormalizesDigitsTatweelPresentationFormsAndControls(string text, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(text, Defaults));

    [Fact]
    public void StripsDiacriticsOnlyWhenAsked() =>
        Assert.Equal("محمد قرآن", ArabicNormalizer.Normalize("مُحَمَّدٌ قُرْآنٌ", new TextNormalizationOptions(StripDiacritics: true)));

    [Fact]
    public void ChangesNothingWhenDisabled()
    {
        var text = "جـميل ٣٫٥ ﻻ\u200B";
        Assert.Equal(text, ArabicNormalizer.Normalize(text, new TextNormalizationOptions(Enabled: false)));
    }

    [Fact]
    public void ReturnsTheSameStringWhenThereIsNothingToDo()
    {
        var text = "نص عادي بلا شيء يغير";
        Assert.Same(text, ArabicNormalizer.Normalize(text, Defaults));
    }
}
