using Tarjama.Tests.Documents;
using Tarjama.Text;

namespace Tarjama.Tests.Text;

public class SentenceSegmenterTests
{
    private static string[] Sentences(string text, SegmentLengthLimit? limit = null) =>
        [.. SentenceSegmenter.Split(text, limit).Select(range => range.Of(text))];

    [Theory]
    [InlineData("One. Two! Three? Four", new[] { "One.", "Two!", "Three?", "Four" })]
    [InlineData("هل أنت بخير؟ نعم. شكرا!", new[] { "هل أنت بخير؟", "نعم.", "شكرا!" })]
    [InlineData("قال د. أحمد إن الوضع جيد. وأضاف أنه متفائل.", new[] { "قال د. أحمد إن الوضع جيد.", "وأضاف أنه متفائل." })]
    [InlineData("حضر أ. محمد علي الاجتماع.", new[] { "حضر أ. محمد علي الاجتماع." })]
    [InlineData("قال: «نحن مستعدون. سنبدأ غدا». وأضاف أن العمل بدأ.", new[] { "قال: «نحن مستعدون. سنبدأ غدا».", "وأضاف أن العمل بدأ." })]
    [InlineData("قال “نعم. بالتأكيد” ثم غادر. انتهى.", new[] { "قال “نعم. بالتأكيد” ثم غادر.", "انتهى." })]
    [InlineData("ارتفع المؤشر (بنحو 3. تقريبا) أمس. ثم هبط.", new[] { "ارتفع المؤشر (بنحو 3. تقريبا) أمس.", "ثم هبط." })]
    [InlineData("بلغ النمو 3.5 في المئة و٣٫٥ هناك. وهذا جيد.", new[] { "بلغ النمو 3.5 في المئة و٣٫٥ هناك.", "وهذا جيد." })]
    [InlineData("The U.S. economy grew 3.5 percent. Mr. Smith said so.", new[] { "The U.S. economy grew 3.5 percent.", "Mr. Smith said so." })]
    [InlineData("He wrote to J. K. Rowling. She replied.", new[] { "He wrote to J. K. Rowling.", "She replied." })]
    [InlineData("See e.g. the report. It is long.", new[] { "See e.g. the report.", "It is long." })]
    [InlineData("It was approx. three hours. Then it rained.", new[] { "It was approx. three hours.", "Then it rained." })]
    [InlineData("Read No. 5 first. Then No. 6.", new[] { "Read No. 5 first.", "Then No. 6." })]
    [InlineData("Wait… What happened?! Nobody knew...", new[] { "Wait…", "What happened?!", "Nobody knew..." })]
    [InlineData("He said \"Yes.\" Then he left.", new[] { "He said \"Yes.\"", "Then he left." })]
    [InlineData("«جملة أولى. جملة ثانية.", new[] { "«جملة أولى.", "جملة ثانية." })]
    [InlineData("The motto: \"The sea is ours. It rained. \"Yes,\" he said. Talks ended. \"No,\" she said. All left.",
        new[] { "The motto: \"The sea is ours.", "It rained.", "\"Yes,\" he said.", "Talks ended.", "\"No,\" she said.", "All left." })]
    [InlineData("كتب: \"البحر لنا. انتهى الاجتماع. قال \"نعم\" ثم غادر. وصل الوفد. قالت \"لا\" ومضت. انتهى.",
        new[] { "كتب: \"البحر لنا.", "انتهى الاجتماع.", "قال \"نعم\" ثم غادر.", "وصل الوفد.", "قالت \"لا\" ومضت.", "انتهى." })]
    [InlineData("He said: \"The sea is ours by right. To recover it is a duty.\" Then he left.",
        new[] { "He said: \"The sea is ours by right.", "To recover it is a duty.\"", "Then he left." })]
    [InlineData("مثل \"007\"و\"مهمة مستحيلة\" تماما. وبعد ذلك.", new[] { "مثل \"007\"و\"مهمة مستحيلة\" تماما.", "وبعد ذلك." })]
    [InlineData("لن تستسلم أبدًا. تشعر واشنطن بالقلق.", new[] { "لن تستسلم أبدًا.", "تشعر واشنطن بالقلق." })]
    [InlineData("He asked: \"You wanna see?\" saying no. Protesters chanted \"Now!\" as they left.", new[] { "He asked: \"You wanna see?\" saying no.", "Protesters chanted \"Now!\" as they left." })]
    [InlineData("It named U.S. Sens. Lindsey Graham and Mike Lee.", new[] { "It named U.S. Sens. Lindsey Graham and Mike Lee." })]
    [InlineData("سطر أول\nسطر ثان", new[] { "سطر أول", "سطر ثان" })]
    [InlineData("  مسافات قبل. وبعد.  ", new[] { "مسافات قبل.", "وبعد." })]
    [InlineData("visit www.example.com. Or mail a.b@c.org now.", new[] { "visit www.example.com.", "Or mail a.b@c.org now." })]
    [InlineData("كلمة.\uE000 أخرى", new[] { "كلمة.\uE000", "أخرى" })]
    [InlineData("   ", new string[0])]
    [InlineData("", new string[0])]
    public void SplitsAtSentenceEndsOnly(string text, string[] expected) => Assert.Equal(expected, Sentences(text));

    [Fact]
    public void SplitsNtrexArabicNewsAsWrittenOutByHand()
    {
        var lines = Fixtures.DocumentLines("ntrex128-sample.ar.txt");
        string[][] expected =
        [
            [lines[0]],
            [lines[1]],
            ["إنهم صغار وفضوليون جدًا ...", "إنهم لا يهدفون إلى إيذائك."],
            [
                "وفي الوقت ذاته، بدأ المنخفض في التشكل فوق المحيط الهادئ واتجه شرقًا نحو الساحل الغربي للولايات المتحدة.",
                "ومع اقتراب إعصار روزا لشبه جزيرة باخا كاليفورنيا يوم الاثنين كإعصار استوائي، سيبدأ في دفع رطوبة استوائية عميقة نحو الشمال متجهة إلى جنوب غرب الولايات المتحدة.",
            ],
            ["من المقرر أن يحدث التجمع لترامب في ويلنج بولاية فرجينيا الغربية في الساعة 7 مساءً.", "إنترتانمنت تونايت، السبت، 29 سبتمبر 2018."],
            [
                "استطردويست قائلاً: \"هل تريدون رؤية كيف يكون المغمور؟\"",
                "قائلًا: \"سأضع قباء سوبرمان الخاص بي، لأن هذا يعني أنه لا يمكنكم أن تخبروني بما يجب فعله.",
                "هل تريدون أن يتقدم العالم؟",
            ],
            ["السفير الأمريكى.", "يتهم الصين بـ \"التسل\u0651\u064Fط\" عبر \"إعلانات دعائية\""],
            [
                // a long quotation is cut at its sentence ends, as NTREX's human split does nearly everywhere else
                "\"نحن بحاجة إلى صفقة.",
                "فنحن نرغب في الحصول على أفضل صفقة تسمح، كما قلت، ليس فقط بالتمتع بالنجاح في الوقت الحالي بل علينا أن نغتنم هذه الفرصة\"، حسبما أفاد برنامج بي بي سي راديو 4 اليوم.",
            ],
            ["وصرح قسم شرطة باتون روج عن اعتقال المدعو \"دايتون سيبمسون، البالغ من العمر 20 عامًا، بتمام الساعة 11 صباحا.", "وحسب مؤتمر ET الصحفي"],
            ["أًصيب ويد بجروح ناتجة عن طلق ناري بالرأس وتوفي على أثرها.", "وأدلى قائد الشرطة \"ميرفي جيه بول\" بتصريحه لوسائل الإعلام يوم السبت عبر موقع \"247 رياضة\""],
            ["أتتذكرون كيف أجابت عن السؤال؟", "هل قمتِ بتسريب تلك الوثيقة؟، قالت \"أوه، ماذا؟"],
            [lines[11]], // "د." is an abbreviation
            [lines[12]],
            ["فهل أنتم مستعدون؟", "وذلك حسب تقرير وكالةسي ان ان الإخبارية."],
            [lines[14]],
        ];
        Assert.Equal(expected.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.Equal(expected[i], Sentences(lines[i]));
        }
    }

    /// <summary>NTREX-128 documents 40-79 joined into paragraphs, cut as documents are cut, scored against the human split.</summary>
    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public void FindsNtrexSentenceBoundariesLikeTheHumanSplit(string language)
    {
        var text = File.ReadAllText(Fixtures.Path("segmentation", $"ntrex128-docs40-79.{language}.txt"));
        int found = 0, right = 0, human = 0;
        foreach (var sentences in text.Split("\n\n").Select(paragraph => paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            var paragraph = string.Join(' ', sentences);
            var cuts = new HashSet<int>();
            int end = -1;
            foreach (var sentence in sentences.SkipLast(1))
            {
                end += 1 + sentence.Length; // past the joining space, then the sentence
                cuts.Add(end);
            }
            var ends = SentenceSegmenter.Split(paragraph, SegmentLengthLimit.Default).Select(range => range.End).Where(end => end < paragraph.Length).ToList();
            (found, right, human) = (found + ends.Count, right + ends.Count(cuts.Contains), human + cuts.Count);
        }
        double precision = (double)right / found, recall = (double)right / human, f1 = 2 * precision * recall / (precision + recall);
        Assert.True(human > 600, $"only {human} human boundaries: the fixture is cut short");
        Assert.True(f1 >= 0.985, $"{language}: F1 {f1:F3} (precision {precision:F3}, recall {recall:F3}) is under 0.985");
    }

    [Fact]
    public void KeepsNtrexEnglishSentencesWithAbbreviationsInitialsAndDecimalsWhole()
    {
        foreach (var line in Fixtures.DocumentLines("ntrex128-sample.en.txt"))
        {
            Assert.Equal([line], Sentences(line));
        }
    }

    [Fact]
    public void CutsAFiveThousandWordSentenceIntoPiecesThatFitAndJoinBack()
    {
        var words = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? "كلمة" : "نص" + (i % 13));
        var sentence = string.Join(' ', words);
        var pieces = Sentences(sentence, new SegmentLengthLimit(400));
        Assert.All(pieces, piece => Assert.InRange(piece.Length, 100, 400));
        Assert.Equal(sentence, string.Join(' ', pieces));
    }

    [Fact]
    public void CutsAfterClausePunctuationBeforePlainSpaces()
    {
        var sentence = "الجزء الأول من الجملة الطويلة، والجزء الثاني منها طويل أيضا";
        Assert.Equal(["الجزء الأول من الجملة الطويلة،", "والجزء الثاني منها طويل أيضا"], Sentences(sentence, new SegmentLengthLimit(40)));
    }

    [Fact]
    public void MeasuresWithATokenCountWhenGivenOne()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("token", 95));
        var limit = new SegmentLengthLimit(10, text => text.Split(' ').Length);
        var pieces = Sentences(sentence, limit);
        Assert.All(pieces, piece => Assert.InRange(piece.Split(' ').Length, 1, 10));
        Assert.Equal(95, pieces.Sum(piece => piece.Split(' ').Length));
    }

    [Fact]
    public void CutsTextWithoutSpacesBetweenCharactersNotInsideThem()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 300));
        var pieces = Sentences(text, new SegmentLengthLimit(50));
        Assert.All(pieces, piece => Assert.False(char.IsHighSurrogate(piece[^1])));
        Assert.Equal(text, string.Concat(pieces));
    }
}
