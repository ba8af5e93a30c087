using Tarjama.Terminology;

namespace Tarjama.Tests.Terminology;

public class TermMatcherTests
{
    private static readonly string[] ArabicNews = Fixtures.Lines("inputs", "ntrex-ar-60.txt");
    private static readonly string[] EnglishNews = Fixtures.Lines("inputs", "ntrex-en-60.txt");

    private static TermMatcher Matcher(string language, params (string Source, string Target)[] terms) =>
        new(Glossary.Create(language, terms.Select(t => new GlossaryEntry(t.Source, t.Target))));

    private static readonly TermMatcher ArabicTerms = Matcher("ar",
        ("ترامب", "Trump"), ("الرئيس ترامب", "President Trump"), ("كافانو", "Kavanaugh"), ("الشرطة", "police"),
        ("رينجرز", "Rangers"), ("بوليفي", "Bolivian"), ("بوليفيا", "Bolivia"), ("القاضي", "Judge"),
        ("البيت الأبيض", "White House"), ("ووترز", "Waters"), ("الرئيس", "president"));

    /// <summary>Each match as "surface=target", in order.</summary>
    private static string[] Found(TermMatcher matcher, string text) =>
        [.. matcher.Match(text).Select(m => $"{m.Range.Of(text)}={m.Entry.Target}")];

    [Theory]
    [InlineData(6, new[] { "الشرطة=police" })]
    [InlineData(7, new[] { "الشرطة=police" })]
    [InlineData(9, new[] { "الرئيس ترامب=President Trump", "كافانو=Kavanaugh" })] // the longest term wins
    [InlineData(19, new[] { "بوليفي=Bolivian", "بوليفيا=Bolivia" })] // "بوليفي" is not found inside "بوليفيا"
    [InlineData(25, new string[0])] // "ينزلرينجرز": glued to a word that is not a clitic
    [InlineData(26, new[] { "رينجرز=Rangers" })]
    [InlineData(29, new[] { "ووترز=Waters", "للقاضي=Judge", "كافانو=Kavanaugh" })] // ل + ال written لل
    [InlineData(44, new[] { "ترامب=Trump", "البيت الأبيض=White House" })]
    public void Finds_the_terms_of_real_Arabic_news_lines(int line, string[] expected) =>
        Assert.Equal(expected, Found(ArabicTerms, ArabicNews[line - 1]));

    [Fact]
    public void A_term_is_not_found_inside_a_longer_word() =>
        Assert.Equal(["ترامب=Trump"], Found(ArabicTerms, ArabicNews[2])); // "الرئاسة" (the presidency) is not "الرئيس"

    [Theory]
    [InlineData("وقال والشرع إن", "والشرع=al-Shara")]
    [InlineData("في قاعدة بحميميم الجوية", "بحميميم=Hmeimim")]
    [InlineData("رسالة للشرع من موسكو", "للشرع=al-Shara")]
    [InlineData("فالشرع وصل", "فالشرع=al-Shara")]
    [InlineData("وبالشرع", "وبالشرع=al-Shara")]
    [InlineData("الشَّرْع", "الشَّرْع=al-Shara")] // diacritics
    [InlineData("الشـــرع", "الشـــرع=al-Shara")] // tatweel
    [InlineData("التقى أسعد الشيباني", "أسعد الشيباني=Asaad al-Shibani")]
    [InlineData("التقى اسعد الشيبانى", "اسعد الشيبانى=Asaad al-Shibani")] // bare alef, alef maqsura for ya
    [InlineData("من اللاذقيه", "اللاذقيه=Latakia")] // ha for ta marbuta
    [InlineData("ﺣﻤﻴﻤﻴﻢ", "ﺣﻤﻴﻤﻴﻢ=Hmeimim")] // presentation forms
    public void Finds_Arabic_terms_through_clitics_and_spelling_variants(string text, string expected) =>
        Assert.Equal([expected], Found(Seed, text));

    [Theory]
    [InlineData("الشرعية الدولية")] // legitimacy: the term is part of a longer word
    [InlineData("شرع في العمل")] // "began": the term's article is part of it
    [InlineData("مشرع القانون")]
    [InlineData("حميميمي")]
    [InlineData("زار https://example.com/الشرع اليوم")] // inside a URL
    [InlineData("كتب إلى shara@example.com")]
    public void Leaves_near_misses_alone(string text) => Assert.Empty(Found(Seed, text));

    [Fact]
    public void Matches_Arabic_typed_with_Persian_yeh_and_kaf() =>
        Assert.Equal(["حمیمیم=Hmeimim", "کافانو=Kavanaugh"], Found(Matcher("ar", ("حميميم", "Hmeimim"), ("كافانو", "Kavanaugh")), "زار حمیمیم مع کافانو"));

    [Fact]
    public void An_overlapping_longer_term_wins_over_an_earlier_shorter_one() =>
        Assert.Equal(["السوري أحمد الشرع=Syria's Ahmed al-Shara"],
            Found(Matcher("ar", ("الرئيس السوري", "Syrian president"), ("السوري أحمد الشرع", "Syria's Ahmed al-Shara")), "قال الرئيس السوري أحمد الشرع اليوم"));

    [Fact]
    public void Matches_numbers_in_either_digit_form() =>
        Assert.Equal(["رؤيه ٢٠٣٠=Vision 2030"], Found(Matcher("ar", ("رؤية 2030", "Vision 2030")), "أطلقت رؤيه ٢٠٣٠ اليوم"));

    private static readonly TermMatcher Seed = new(GlossaryReader.Load([Fixtures.Path("terminology", "syria.ar-en.tsv")], "ar", "en"));

    private static readonly TermMatcher EnglishTerms = Matcher("en",
        ("police", "الشرطة"), ("Kavanaugh", "كافانو"), ("White House", "البيت الأبيض"), ("investigation", "تحقيق"),
        ("FBI", "مكتب التحقيقات الفيدرالي"), ("UK", "المملكة المتحدة"), ("language", "لغة"), ("president", "رئيس"), ("us", "نحن"));

    [Theory]
    [InlineData(6, new[] { "Investigations=تحقيق", "police=الشرطة" })] // any case, simple plural
    [InlineData(9, new[] { "President=رئيس", "FBI=مكتب التحقيقات الفيدرالي", "investigation=تحقيق", "Kavanaugh=كافانو" })]
    [InlineData(22, new[] { "languages=لغة", "languages=لغة", "UK=المملكة المتحدة" })]
    [InlineData(28, new[] { "police=الشرطة" })]
    [InlineData(44, new[] { "White House=البيت الأبيض" })]
    public void Finds_the_terms_of_real_English_news_lines(int line, string[] expected) =>
        Assert.Equal(expected, Found(EnglishTerms, EnglishNews[line - 1]));

    [Theory]
    [InlineData("It's so easy to be presidential")] // a longer word
    [InlineData("the fbi said")] // an acronym only in capitals
    [InlineData("the Policeman")]
    public void Leaves_English_near_misses_alone(string text) => Assert.Empty(Found(EnglishTerms, text));

    [Fact]
    public void An_acronym_term_does_not_match_the_word()
    {
        var matcher = Matcher("en", ("US", "الولايات المتحدة"));
        Assert.Empty(Found(matcher, "Let us go"));
        Assert.Equal(["US=الولايات المتحدة"], Found(matcher, "The US said"));
    }
}
