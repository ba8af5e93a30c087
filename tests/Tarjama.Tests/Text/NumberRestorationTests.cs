using Markdig;
using Tarjama.Documents;
using Tarjama.Tests.Documents;
using Tarjama.Text;

namespace Tarjama.Tests.Text;

/// <summary>Numbers through a whole document: Western digits in English output wherever they stand, never run together.</summary>
public class NumberRestorationTests
{
    private static readonly DocumentTranslationOptions Text = new() { Format = DocumentFormat.Text };

    [Fact]
    public void WritesANumberAloneInATableCellLikeOneInRunningText()
    {
        var source = "ارتفع الناتج ٢٫٣٪ أمس.\n\n| البند | التغير |\n| --- | --- |\n| الناتج | +١٫٢٪ |\n| السكان | ١٢٬٥٠٠ |\n";
        var translated = DocumentRunner.Translate(source, new LatinizingTranslator(), new DocumentTranslationOptions { Format = DocumentFormat.Markdown });
        var html = Markdown.ToHtml(translated, new MarkdownPipelineBuilder().UsePipeTables().Build());
        Assert.Contains("2.3%", html);
        Assert.Contains("<td>+1.2%</td>", html);
        Assert.Contains("<td>12,500</td>", html);
        Assert.DoesNotMatch("[٠-٩٪٫٬]", translated);
    }

    [Theory]
    [InlineData("٢٠٢٤", "2024")]
    [InlineData("(٣)", "(3)")]
    [InlineData("٥٠٪ - ٦٠٪", "50% - 60%")]
    [InlineData("2024", "2024")]
    public void WritesALineOfOnlyNumbersInWesternDigits(string source, string expected) =>
        Assert.Equal(expected, DocumentRunner.Translate(source, new LatinizingTranslator(), Text));

    [Fact]
    public void KeepsALineOfOnlyNumbersAsWrittenIntoArabic() =>
        Assert.Equal("٣٫٥ - ٤", DocumentRunner.Translate("٣٫٥ - ٤", new LatinizingTranslator("en", "ar"), Text with { Normalization = new(Enabled: false) }));

    [Fact]
    public void WritesDigitsTheModelItselfWroteInArabicAsWestern() =>
        Assert.Equal("G20 in 2020", DocumentRunner.Translate("قمة G20 في ٢٠٢٠م", new FunctionTranslator(_ => "G٢٠ in ٢٠٢٠"), Text));

    [Theory]
    [InlineData("[1][2]% in the year", "3.5 2024% in the year")]
    [InlineData("[1]% in [2]", "3.5% in 2024")]
    [InlineData("[1]% and 5[2]", "3.5% and 5 2024")]
    public void NeverRunsRestoredNumbersTogether(string modelOutput, string expected) =>
        Assert.Equal(expected, DocumentRunner.Translate("٣٫٥٪ في عام ٢٠٢٤", new FunctionTranslator(_ => modelOutput), Text));

    [Fact]
    public void TellsTheModelWhatItIsAskedToKeep()
    {
        var translator = new LatinizingTranslator();
        DocumentRunner.Translate("٣٫٥٪ في عام ٢٠٢٤", translator, Text);
        Assert.Equal("[1]٪ في عام [2]", Assert.Single(Assert.Single(translator.Calls)));
    }
}
