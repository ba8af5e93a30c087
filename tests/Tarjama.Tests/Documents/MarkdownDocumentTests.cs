using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class MarkdownDocumentTests
{
    private static readonly DocumentTranslationOptions MarkdownOptions = new() { Format = DocumentFormat.Markdown };

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).UseTaskLists().UseYamlFrontMatter().Build();

    private static string Latin(string text) => LatinizingTranslator.Latinize(text);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void NestingPastTheLimitIsFoundOnItsLineWhateverTheLineEnds(string end)
    {
        // Paragraphs that each open a bracket, and a quote nested too deep on line 141: with CR line ends the check read
        // one line, so every paragraph's bracket added up.
        var source = string.Concat(Enumerable.Repeat($"[نص{end}{end}", 70)) + string.Concat(Enumerable.Repeat("> ", 70)) + "نص" + end;
        var error = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(source, new LatinizingTranslator(), MarkdownOptions, "deep.md"));
        Assert.Equal("deep.md: the Markdown nests deeper than 64 levels (line 141 reaches 70); flatten it, or send it as plain text", error.Message);
    }

    [Fact]
    public void AParagraphPastTheParsersLimitIsAOneLineErrorNamingTheFile()
    {
        // Ten thousand emphasis spans in one paragraph: Markdig's ArgumentException escaped ("internal error", exit 70).
        var source = string.Concat(Enumerable.Repeat("كلمة *مهمة* ", 10_000));
        var error = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(source, new LatinizingTranslator(), MarkdownOptions, "long.md"));
        Assert.Equal("long.md: the Markdown is past its parser's limit (nesting, or thousands of emphasis spans, links or cells in one block); split it, or send it as plain text", error.Message);
    }

    [Fact]
    public void TranslatesProseAndKeepsEverythingElseByteForByte()
    {
        var source = """
            # عنوان *مهم* جدا

            قال **الرئيس** إن [الاتفاق](https://example.com/a_b "title") سيوقع. وأضاف أن `code span` لا يترجم.
            سطر ثان مع رابط https://example.org/x_y و![صورة القمر](moon.png).

            - عنصر أول
            1. عنصر *ثان*

            > اقتباس. جملة ثانية\
            > بعد فاصل

            | العمود | القيمة |
            |---|---|
            | نص | 3.5 |

            ```python
            print("لا تترجم")
            ```

            <div>كتلة HTML</div>

            [مرجع][r] و[اختصار]

            [r]: https://r.example
            [اختصار]: https://s.example

            """;
        var expected = $"""
            # {Latin("عنوان")} *{Latin("مهم")}* {Latin("جدا")}

            {Latin("قال")} **{Latin("الرئيس")}** {Latin("إن")} [{Latin("الاتفاق")}](https://example.com/a_b "title") {Latin("سيوقع")}. {Latin("وأضاف أن")} `code span` {Latin("لا يترجم")}.
            {Latin("سطر ثان مع رابط")} https://example.org/x_y {Latin("و")} ![{Latin("صورة القمر")}](moon.png).

            - {Latin("عنصر أول")}
            1. {Latin("عنصر")} *{Latin("ثان")}*

            > {Latin("اقتباس")}. {Latin("جملة ثانية")}\
            > {Latin("بعد فاصل")}

            | {Latin("العمود")} | {Latin("القيمة")} |
            |---|---|
            | {Latin("نص")} | 3.5 |

            ```python
            print("لا تترجم")
            ```

            <div>كتلة HTML</div>

            [{Latin("مرجع")}][r] {Latin("و")} [اختصار]

            [r]: https://r.example
            [اختصار]: https://s.example

            """;
        Assert.Equal(expected, DocumentRunner.Translate(source, new LatinizingTranslator(), MarkdownOptions));
    }

    [Fact]
    public void EscapesWhatTheModelWritesSoItStaysText()
    {
        var translated = DocumentRunner.Translate("فقرة أولى.\n\nفقرة ثانية.", new FunctionTranslator(_ => "# *not* [markup](x) <b> & | `code`"), MarkdownOptions);
        Assert.Equal(2, Markdown.Parse(translated, Pipeline).Count);
        Assert.Equal("<p># *not* [markup](x) &lt;b&gt; &amp; | `code`</p>\n<p># *not* [markup](x) &lt;b&gt; &amp; | `code`</p>\n", Markdown.ToHtml(translated, Pipeline));
    }

    [Fact]
    public void KeepsTheSourceOfABlockWhoseTranslationWouldBreakItsEmphasis()
    {
        var source = "كلمة ***قوية*** هنا";
        var translated = DocumentRunner.Translate(source, new FunctionTranslator(_ => "[1][2] x [4] [3]"), MarkdownOptions);
        Assert.Equal(Skeleton(source), Skeleton(translated));
    }

    [Fact]
    public void KeepsMarkdownStructureWhateverTheTranslatorReturns()
    {
        Gen.Select(Document, Gen.Int, Gen.Bool).Sample((document, seed, garbage) =>
        {
            ISegmentTranslator translator = garbage ? new GarbageTranslator(seed) : new LatinizingTranslator();
            var translated = DocumentRunner.Translate(document, translator, MarkdownOptions);
            Assert.Equal(Skeleton(document), Skeleton(translated));
            if (!garbage)
            {
                Assert.DoesNotMatch(@"[\u0621-\u064A]", translated.Replace(ArabicHtmlBlock, ""));
            }
        }, iter: 300);
    }

    private const string ArabicHtmlBlock = "<div>\nكتلة\n</div>";

    /// <summary>The document's structure, told independently of the code under test: rendered to HTML by Markdig and
    /// read back as elements, their attributes (but the translated alt) and the text of code, without the prose.</summary>
    private static List<string> Skeleton(string markdown)
    {
        var html = new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, Pipeline));
        return [.. html.Body!.Descendants<IElement>().Select(element =>
            $"{element.LocalName} {string.Join(' ', element.Attributes.Where(a => a.Name != "alt").Select(a => $"{a.Name}={a.Value}"))}"
            + (element.LocalName is "code" or "pre" ? element.TextContent : ""))];
    }

    private static readonly Gen<string> Word = Gen.OneOf("كلمة", "الرئيس", "قال", "إن", "غدا", "المصدر", "جديدة", "و", "3.5", "2024", "نص.", "سؤال؟", "أولا،");

    private static readonly Gen<string> Words = Word.Array[1, 4].Select(words => string.Join(' ', words));

    private static readonly Gen<string> Inline = Gen.OneOf(
        Words,
        Words,
        Words.Select(w => $"*{w}*"),
        Words.Select(w => $"**{w}**"),
        Words.Select(w => $"_{w}_"),
        Words.Select(w => $"~~{w}~~"),
        Gen.Select(Words, Words, (a, b) => $"**{a} *{b}***"),
        Gen.Select(Words, Gen.Int[0, 9], (w, n) => $"[{w}](https://example.com/p{n})"),
        Gen.Select(Words, Gen.Int[0, 9], (w, n) => $"[{w}](https://example.com/p{n} \"t{n}\")"),
        Gen.Select(Words, Gen.Int[0, 9], (w, n) => $"![{w}](img{n}.png)"),
        Gen.Int[0, 9].Select(n => $"`code{n} x`"),
        Gen.Int[0, 9].Select(n => $"https://example.org/x{n}"),
        Gen.Const("<https://auto.example/a>"),
        Words.Select(w => $"<b>{w}</b>"),
        Gen.Const("&amp;"))
        .Array[1, 6].Select(parts => string.Join(' ', parts));

    private static readonly Gen<string> Block = Gen.OneOf(
        Inline,
        Gen.Select(Inline, Inline, (a, b) => $"{a}\n{b}"),
        Gen.Select(Inline, Inline, (a, b) => $"{a}  \n{b}"),
        Gen.Select(Gen.Int[1, 6], Inline, (level, text) => $"{new string('#', level)} {text}"),
        Inline.Array[1, 3].Select(items => string.Join('\n', items.Select(item => $"- {item}"))),
        Inline.Array[1, 3].Select(items => string.Join('\n', items.Select((item, i) => $"{i + 1}. {item}"))),
        Gen.Select(Inline, Inline, (a, b) => $"> {a}\n> {b}"),
        Gen.Select(Words, Words, Inline, (a, b, c) => $"| {a} | {b} |\n|---|---|\n| {c.Replace("|", "")} | 1 |"),
        Gen.Int[0, 9].Select(n => $"```\ncode {n}\n```"),
        Gen.Const(ArabicHtmlBlock),
        Gen.Const("* * *"));

    private static readonly Gen<string> Document = Block.Array[1, 6].Select(blocks => string.Join("\n\n", blocks) + "\n");
}
