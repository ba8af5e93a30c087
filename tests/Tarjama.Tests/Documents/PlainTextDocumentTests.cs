using System.Text;
using Tarjama.Documents;
using Tarjama.Text;

namespace Tarjama.Tests.Documents;

public class PlainTextDocumentTests
{
    private static readonly DocumentTranslationOptions Text = new() { Format = DocumentFormat.Text };

    [Fact]
    public void TranslatesTheExampleArticleParagraphForParagraphWithItsHeadingsInPlace()
    {
        var source = Fixtures.ReadDocument("syria-russia-visit.ar.txt");
        var sourceLines = source.Split('\n')[..^1];
        var translator = new LatinizingTranslator();

        var translated = DocumentRunner.Translate(source, translator, sourceName: "syria-russia-visit.ar.txt");

        var lines = translated.Split('\n');
        Assert.Equal(19, lines.Length); // 18 paragraphs and the final line end
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], line => Assert.False(string.IsNullOrWhiteSpace(line)));
        Assert.All(lines[..^1], line => Assert.DoesNotMatch(@"[\u0621-\u064A]", line));
        foreach (int heading in new[] { 1, 5, 11 })
        {
            Assert.Equal(LatinizingTranslator.Latinize(sourceLines[heading]), lines[heading]);
        }
        Assert.Contains("80", lines[2]);
        Assert.Contains("“", lines[4]);
        Assert.DoesNotContain("«", translated);
        Assert.Single(translator.Calls); // the whole article in one batch
    }

    [Fact]
    public void KeepsBlankLinesIndentationAndLineCountExactly()
    {
        var source = "  مرحبا بكم.\n\n\tنص ثان\n   \nأخير";
        Assert.Equal(Latin(source), DocumentRunner.Translate(source, new FunctionTranslator(Latin), Text));
    }

    [Theory]
    [InlineData("أ\nب\n")]
    [InlineData("أ\nب")]
    [InlineData("أ\r\nب\r\n")]
    [InlineData("أ\r\nب")]
    [InlineData("أ\rب\r")]
    [InlineData("أ\rب")]
    [InlineData("أ\r\r\rب\r")]
    [InlineData("أ\n\nب\n\n")]
    [InlineData("أ\r\n\r\nب\r\n\r\n")]
    [InlineData("أ\n\r\nب\rج\r\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("")]
    public void KeepsLineEndsAsTheyWere(string source)
    {
        Assert.Equal(Latin(source), DocumentRunner.Translate(source, new FunctionTranslator(Latin), Text));
        var whole = DocumentExtractor.Extract(source, DocumentFormat.Text, "ar", "en");
        var targets = whole.Segments.ToDictionary(s => s.Id, s => SegmentTarget.FromModel(Latin(s.ModelInput)));
        Assert.Equal(Latin(source), whole.Merge(targets).Render());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void KeepsLineEndsAcrossStreamingWindows(string lineEnd)
    {
        var lines = Enumerable.Range(0, 500).Select(i => i % 7 == 0 ? "" : $"سطر رقم {i}.");
        foreach (var last in new[] { "", lineEnd })
        {
            var source = string.Join(lineEnd, lines) + last;
            var translated = DocumentRunner.Translate(source, new FunctionTranslator(Latin), Text with { BatchSegments = 1 });
            Assert.Equal(Latin(source), translated);
        }
    }

    [Theory]
    [InlineData("input.txt")]
    [InlineData("input.md")]
    public void ReadsTextInTheEncodingItIsSaidToBeIn(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1256 = Encoding.GetEncoding(1256);
        string source = "# الأخبار\r\n\r\nمرحبا بالعالم اليوم.\r\n";
        Assert.Throws<InvalidUtf8Exception>(() => DocumentRunner.Translate(windows1256.GetBytes(source), new FunctionTranslator(Latin), sourceName: name));
        Assert.Equal(Latin(source), DocumentRunner.Translate(windows1256.GetBytes(source), new FunctionTranslator(Latin), new() { InputEncoding = windows1256 }, name));
    }

    [Fact]
    public void BytesTheSaidEncodingHasNoCharacterForAreAnErrorNotReplaced()
    {
        byte[] latin1 = [.. "caf"u8, 0xE9, .. " ok\n"u8];
        var ascii = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(latin1, new FunctionTranslator(Latin), new() { InputEncoding = Encoding.ASCII }, "menu.txt"));
        Assert.Equal("menu.txt: not us-ascii text: 0xE9 has no character in it", ascii.Message);
        var utf8 = Assert.Throws<InvalidUtf8Exception>(() => DocumentRunner.Translate(latin1, new FunctionTranslator(Latin), new() { InputEncoding = Encoding.UTF8 }, "menu.txt"));
        Assert.StartsWith("menu.txt: invalid UTF-8 at byte offset 3", utf8.Message); // checked as when no encoding is given, not replaced by U+FFFD
    }

    [Fact]
    public void TranslatesPlainTextsTogetherEachWithItsOwnLineEnds()
    {
        string[] texts = ["أ\r\nب\nج", "د\rه\r", "", "\n", "و\n\r\nز."];
        var translator = new LatinizingTranslator();
        var translated = new DocumentTranslator(translator).TranslatePlainTexts(texts);
        Assert.Equal(texts.Select(Latin), translated);
        Assert.Single(translator.Calls);
    }

    [Fact]
    public void TranslatesEachDistinctSegmentOnceInOneBatch()
    {
        var translator = new LatinizingTranslator();
        DocumentRunner.Translate("جملة. جملة.\nجملة.\nأخرى في 2020. أخرى في 2021.", translator, Text);
        var call = Assert.Single(translator.Calls);
        Assert.Equal(["جملة.", "أخرى في [1]."], call);
    }

    [Fact]
    public void GivesUrlsNumbersAndVerbatimStringsBackExactlyWhateverTheModelDoes()
    {
        var source = "زوروا https://example.com/a_b?x=1 أو راسلوا news@example.org قبل ٣٫٥ ساعة مع Tarjama Pro و{{name}}.";
        var options = Text with { Verbatim = ["Tarjama Pro"] };
        var dropsAll = DocumentRunner.Translate(source, new FunctionTranslator(_ => "Visit or write before hours."), options);
        foreach (var kept in new[] { "https://example.com/a_b?x=1", "news@example.org", "3.5", "Tarjama Pro", "{{name}}" })
        {
            Assert.Equal(1, Occurrences(dropsAll, kept));
        }
        var mangles = DocumentRunner.Translate(source, new FunctionTranslator(input => input.Replace("[1]", "[1] [1]").Replace("[3]", "[٣]")), options);
        Assert.Equal(1, Occurrences(mangles, "https://example.com/a_b?x=1"));
        Assert.Contains("3.5", mangles);
    }

    [Fact]
    public void WritesWesternDigitsIntoEnglishAndKeepsThemAsWrittenIntoArabicWhenNormalisationIsOff()
    {
        var options = Text with { Normalization = new TextNormalizationOptions(Enabled: false) };
        static string Answer(string input) => input.Replace("س", "X").Replace("ص", "Y");
        Assert.Equal("X 3.5 Y", DocumentRunner.Translate("س ٣٫٥ ص", new FunctionTranslator(Answer), options));
        Assert.Equal("X ٣٫٥ Y", DocumentRunner.Translate("س ٣٫٥ ص", new FunctionTranslator(Answer, "en", "ar"), options));
    }

    [Fact]
    public void KeepsTheSourceOfASentenceTheModelReturnedEmpty() =>
        Assert.Equal("جملة أولى. جملة ثانية.", DocumentRunner.Translate("جملة أولى. جملة ثانية.", new FunctionTranslator(_ => ""), Text));

    [Fact]
    public void SplitsTranslatesAndJoinsAFiveThousandWordSentence()
    {
        var source = string.Join(' ', Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? "كلمة" : "أخرى"));
        var translator = new LatinizingTranslator();
        var translated = DocumentRunner.Translate(source, translator, Text);
        Assert.All(translator.Calls.SelectMany(call => call), segment => Assert.True(segment.Length <= 400));
        Assert.Equal(5000, translated.Split(' ').Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00 }, "binary file")]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x41, 0x05, 0x06, 0x07 }, "binary file")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "UTF-16 text; Tarjama reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00 }, "UTF-32 text; Tarjama reads UTF-8 (convert it, e.g. with iconv -f UTF-32 -t UTF-8)")]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x41 }, "UTF-32 text")]
    [InlineData(new byte[] { 0x41, 0x0A, 0x42, 0xC3, 0x28 }, "invalid UTF-8 at byte offset 3")]
    public void RefusesInputThatIsNotUtf8TextWithAClearMessage(byte[] input, string message)
    {
        var error = Assert.ThrowsAny<TarjamaException>(() => DocumentRunner.Translate(input, new LatinizingTranslator(), Text, "in.bin"));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("in.bin: ", error.Message);
    }

    [Fact]
    public void FlushesWhatWasTranslatedBeforeBadInputFurtherOn()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("سطر جيد.\n", 2000)));
        var output = new StringWriter();
        var translator = new DocumentTranslator(new LatinizingTranslator(), Text with { BatchSegments = 8 });
        var error = Assert.Throws<TarjamaException>(() => translator.Translate(new MemoryStream([.. good, 0x41, 0x00, 0x0A]), "big.txt", output));
        Assert.Contains($"NUL byte at byte offset {good.Length + 1}", error.Message);
        Assert.StartsWith(Latin("سطر جيد.\nسطر جيد.\n"), output.ToString());
    }

    [Fact]
    public void TranslatesADocumentHeldInAString() =>
        Assert.Equal(Latin("نص. آخر."), new DocumentTranslator(new LatinizingTranslator()).Translate("نص. آخر.", DocumentFormat.Text));

    private static string Latin(string text) => LatinizingTranslator.Latinize(text);

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;
}
