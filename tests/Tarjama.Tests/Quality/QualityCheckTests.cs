using Tarjama.Quality;
using Tarjama.Terminology;

namespace Tarjama.Tests.Quality;

public class QualityCheckTests
{
    private static readonly TermMatcher Seed = new(GlossaryReader.Load([Fixtures.Path("terminology", "syria.ar-en.tsv")], "ar", "en"));

    private static string[] Issues(string source, string target, string from = "ar", string to = "en") =>
        [.. new SegmentQualityChecker(from, to, Seed).Check(source, target).Select(i => i.ToString())];

    [Fact]
    public void The_example_articles_reference_translation_flags_nothing()
    {
        var checker = new SegmentQualityChecker("ar", "en", Seed);
        var sources = Fixtures.DocumentLines("syria-russia-visit.ar.txt");
        var targets = Fixtures.DocumentLines("syria-russia-visit.en.txt");
        var flagged = sources.Zip(targets).Select((pair, i) => (Line: i + 1, Issues: checker.Check(pair.First, pair.Second)))
            .Where(x => x.Issues.Count > 0).Select(x => $"{x.Line}: {string.Join("; ", x.Issues)}");
        Assert.Empty(flagged);
        Assert.Equal("qa: 18 segments checked, 0 flagged", checker.Summary());
    }

    [Theory]
    [InlineData("منذ أكثر من 80 عاما", "for over 80 years")]
    [InlineData("منذ أكثر من ٨٠ عاما", "for over 80 years")] // Arabic-Indic digits
    [InlineData("بلغ ١٢٫٥ مليون دولار", "reached $12.5 million")] // Arabic decimal separator
    [InlineData("يعيش 10,000 شخص", "10000 people live")]
    [InlineData("يعيش ٣٠٠ ألف نسمة", "300,000 people live")] // a scale word as zeros
    [InlineData("بلغ ١٫٥ مليون دولار", "reached $1,500,000")] // a decimal with a scale word as zeros
    [InlineData("بلغ 1,500,000 دولار", "reached $1.5 million")] // zeros as an English scale word
    [InlineData("بلغت ٢٫٢٥ مليار دولار", "reached $2.25bn")]
    [InlineData("بلغت ٤ ملايين", "reached 4,000,000")] // a plural scale word
    [InlineData("زار 3 وزراء", "three ministers visited")]
    [InlineData("صوت 57 في المائة", "57 percent voted")]
    public void Numbers_kept_in_any_form_pass(string source, string target) => Assert.Empty(Issues(source, target));

    [Theory]
    [InlineData("منذ أكثر من 80 عاما", "for over 18 years", "numbers: missing 80")]
    [InlineData("بلغ ١٢٫٥ مليون دولار", "reached $12 million", "numbers: missing 12.5")]
    [InlineData("بلغ ١٫٥ مليون دولار", "reached $15,000,000", "numbers: missing 1.5")] // not the same digits scaled
    [InlineData("صوت 57 في المائة", "57 voted", "numbers: percentage lost")]
    [InlineData("يعيش 300 شخص", "300,000 people live", "numbers: missing 300")] // zeros with no scale word to explain them
    [InlineData("بلغ 1,500,000 دولار", "reached $1.5", "numbers: missing 1500000")]
    public void A_lost_number_is_flagged(string source, string target, string issue) => Assert.Equal([issue], Issues(source, target));

    [Theory]
    [InlineData("It reached $1,500,000", "بلغ 1.5 مليون دولار")]
    [InlineData("It reached $1.5 billion", "بلغ ١٫٥ مليار دولار")]
    [InlineData("Some 300 thousand people", "نحو 300,000 شخص")]
    public void Numbers_kept_from_English_pass(string source, string target) => Assert.Empty(Issues(source, target, "en", "ar"));

    [Fact]
    public void A_missing_glossary_target_is_flagged()
    {
        Assert.Equal(["glossary: missing 'al-Shara'"], Issues("وقال الشرع إن بلاده", "Sharaa said his country"));
        Assert.Empty(Issues("وقال الشرع إن بلاده", "Al-Shara said his country")); // sentence case is fine
    }

    [Fact]
    public void Source_script_left_is_flagged()
    {
        Assert.Equal(["untranslated: source-language text left in the translation"], Issues("وصل الوفد إلى الكرملين", "The delegation arrived at الكرملين"));
        Assert.Equal(["untranslated: the source came back as it was"], Issues("Kremlin talks", "Kremlin talks", "en", "ar"));
        Assert.Empty(Issues("The Telma channel reported it", "ذكرت قناة Telma الخبر", "en", "ar")); // a name kept in Latin letters
    }

    [Fact]
    public void A_translation_far_too_short_or_long_is_flagged()
    {
        string source = "وقال بوتين خلال اللقاء، إن التعاون بين روسيا وسورية سيجلب نتائج جيدة للبلدين";
        Assert.Equal(["length: translation 0.14 times the source's length: something left out?"], Issues(source, "Putin said."));
        var invented = "Putin said that cooperation between Russia and Syria will bring good results, and then he said more. ";
        Assert.Equal(["length: translation 3.90 times the source's length: something added?"], Issues(source, invented + invented + invented));
    }

    [Fact]
    public void A_loop_is_flagged()
    {
        Assert.Equal(["repetition: 'of the war' repeated"], Issues("في الحرب", "In the middle of the war of the war of the war"));
        Assert.Equal(["repetition: 'no' repeated"], Issues("لا", "No, no, no, no"));
        Assert.Empty(Issues("ساعة بساعة", "hour by hour"));
    }

    [Fact]
    public void Lost_verbatim_text_is_flagged() =>
        Assert.Equal(["verbatim: missing https://www.sana.sy/en, info@sana.sy"], Issues("راجع https://www.sana.sy/en أو اكتب إلى info@sana.sy", "see the agency's site or write to it"));

    [Fact]
    public void Unbalanced_brackets_and_quotes_are_flagged()
    {
        Assert.Equal(["brackets: unbalanced (), quotes"], Issues("اليوم (الأربعاء) قال: «نحن مستعدون»", "today (Wednesday said: “We are ready"));
        Assert.Empty(Issues("قال: «نحن مستعدون»", "he said: \"We are ready\""));
    }

    [Fact]
    public void The_summary_counts_flagged_segments_by_check()
    {
        var checker = new SegmentQualityChecker("ar", "en");
        checker.Check("منذ 80 عاما", "for years");
        checker.Check("منذ 80 عاما", "for 80 years");
        Assert.Equal("qa: 2 segments checked, 1 flagged (numbers 1)", checker.Summary());
        Assert.Equal(1, checker.Flagged);
    }
}
