using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class HtmlDocumentTests
{
    private static readonly DocumentTranslationOptions HtmlOptions = new() { Format = DocumentFormat.Html };

    private static readonly HashSet<string> TranslatedAttributes = ["alt", "title", "placeholder", "aria-label", "lang", "dir"];

    private static string Latin(string text) => LatinizingTranslator.Latinize(text);

    [Fact]
    public void TranslatesTextAndAttributesKeepingMarkupAroundTheRightWords()
    {
        var source = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>عنوان الصفحة</title><style>p{}</style></head><body>"
            + "<p>قال <a href=\"u\" title=\"رابط\">المصدر</a> إن <b>الخبر <i>صحيح</i></b>. وأضاف: «نعم».</p>"
            + "<p>نص<br>بعد <code>x = 1</code> <img src=\"a.png\" alt=\"صورة\"></p>"
            + "<div translate=\"no\">لا تترجم</div><script>var s='نص';</script><pre>نص\n  محفوظ</pre></body></html>";
        var expected = $"<!DOCTYPE html><html lang=\"en\" dir=\"ltr\"><head><title>{Latin("عنوان الصفحة")}</title><style>p{{}}</style></head><body>"
            + $"<p>{Latin("قال")} <a href=\"u\" title=\"{Latin("رابط")}\">{Latin("المصدر")}</a> {Latin("إن")} <b>{Latin("الخبر")} <i>{Latin("صحيح")}</i></b>. {Latin("وأضاف")}: “{Latin("نعم")}”.</p>"
            + $"<p>{Latin("نص")}<br>{Latin("بعد")} <code>x = 1</code> <img src=\"a.png\" alt=\"{Latin("صورة")}\"></p>"
            + "<div translate=\"no\">لا تترجم</div><script>var s='نص';</script><pre>نص\n  محفوظ</pre></body></html>";
        Assert.Equal(expected, DocumentRunner.Translate(source, new LatinizingTranslator(), HtmlOptions));
    }

    [Fact]
    public void WritesAFragmentBackAsAFragment() =>
        Assert.Equal($"<p dir=\"ltr\">{Latin("مرحبا")}</p><ul><li>{Latin("عنصر")} <span class=\"x\">{Latin("داخلي")}</span></li></ul>",
            DocumentRunner.Translate("<p dir=\"rtl\">مرحبا</p><ul><li>عنصر <span class=\"x\">داخلي</span></li></ul>", new LatinizingTranslator(), HtmlOptions));

    [Fact]
    public void AnImageGluedToAWordStaysGluedButALoneArabicProcliticBecomesAWordOfItsOwn() =>
        Assert.Equal($"<p>{Latin("رأيت")}<img src=\"a.png\"> {Latin("و")} <img src=\"b.png\"> {Latin("هنا")}</p>",
            DocumentRunner.Translate("<p>رأيت<img src=\"a.png\"> و<img src=\"b.png\"> هنا</p>", new LatinizingTranslator(), HtmlOptions));

    [Fact]
    public void RepairsUnbalancedHtmlAsABrowserWould() =>
        Assert.Equal($"<p>{Latin("نص")} <b>{Latin("غامق")}</b></p><p><b>{Latin("آخر")}</b></p>",
            DocumentRunner.Translate("<p>نص <b>غامق<p>آخر", new LatinizingTranslator(), HtmlOptions));

    [Fact]
    public void PutsMarkupBackAroundWordsWhenTheModelLosesIt()
    {
        var translated = DocumentRunner.Translate("<p>قال <b>المصدر</b> إن الخبر صحيح</p>", new FunctionTranslator(_ => "The source said the news is true"), HtmlOptions);
        Assert.Matches(@"^<p>[^<]*<b>\S[^<]*</b>[^<]*</p>$", translated);
    }

    [Fact]
    public void KeepsHtmlStructureWhateverTheTranslatorReturns()
    {
        Gen.Select(Fragment, Gen.Int, Gen.Bool).Sample((html, seed, garbage) =>
        {
            ISegmentTranslator translator = garbage ? new GarbageTranslator(seed) : new LatinizingTranslator();
            var translated = DocumentRunner.Translate(html, translator, HtmlOptions);
            Assert.Equal(Skeleton(html), Skeleton(translated));
        }, iter: 300);
    }

    [Fact]
    public void KeepsFullDocumentStructureWhateverTheTranslatorReturns()
    {
        Gen.Select(Fragment, Gen.Int).Sample((body, seed) =>
        {
            var html = $"<!DOCTYPE html><html><head><title>عنوان</title></head><body>{body}</body></html>";
            var translated = DocumentRunner.Translate(html, new GarbageTranslator(seed), HtmlOptions);
            Assert.Equal(Skeleton(html), Skeleton(translated));
            Assert.Contains("<html lang=\"en\" dir=\"ltr\">", translated);
        }, iter: 100);
    }

    /// <summary>Every element in document order with its depth and attributes (but the translated ones); elements that are
    /// never translated whole.</summary>
    private static List<string> Skeleton(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return [.. document.DocumentElement.Descendants<IElement>().Select(element =>
        {
            int depth = element.GetAncestors().Count();
            var attributes = element.Attributes.Where(a => !TranslatedAttributes.Contains(a.Name)).Select(a => $"{a.Name}={a.Value}");
            var untouched = element.LocalName is "code" or "pre" or "script" || element.GetAttribute("translate") == "no" ? element.OuterHtml : "";
            return $"{depth} {element.LocalName} {string.Join(' ', attributes)} {untouched}";
        })];
    }

    private static readonly Gen<string> Word = Gen.OneOf("كلمة", "الرئيس", "قال", "إن", "غدا", "المصدر", "3.5", "نص.", "سؤال؟", "أولا،", "&amp;", "https://example.org/x");

    private static readonly Gen<string> Words = Word.Array[1, 4].Select(words => string.Join(' ', words));

    private static readonly Gen<string> Inline = Gen.Recursive<string>((depth, inline) => Gen.OneOf(
        Words,
        Words,
        depth > 2 ? Words : inline.Select(x => $"<b>{x}</b>"),
        depth > 2 ? Words : inline.Select(x => $"<em>{x}</em>"),
        depth > 2 ? Words : Gen.Select(inline, Gen.Int[0, 9], (x, n) => $"<a href=\"https://example.com/{n}\" title=\"عنوان\">{x}</a>"),
        depth > 2 ? Words : inline.Select(x => $"<span class=\"c\" lang=\"ar\">{x}</span>"),
        Gen.Int[0, 9].Select(n => $"<code>x = {n}</code>"),
        Gen.Int[0, 9].Select(n => $"<img src=\"i{n}.png\" alt=\"صورة\">"),
        Gen.Const("<br>"),
        Gen.Const("<!-- note -->"),
        Words.Select(w => $"<em translate=\"no\">{w}</em>"))
        .Array[1, 5].Select(parts => string.Join(' ', parts)));

    private static readonly Gen<string> Block = Gen.OneOf(
        Inline.Select(x => $"<p>{x}</p>"),
        Inline.Select(x => $"<h2>{x}</h2>"),
        Inline.Array[1, 3].Select(items => $"<ul>{string.Concat(items.Select(item => $"<li>{item}</li>"))}</ul>"),
        Gen.Select(Inline, Inline, Inline, (a, b, c) => $"<div>{a}<p>{b}</p>{c}</div>"),
        Gen.Select(Inline, Inline, (a, b) => $"<table><tr><td>{a}</td><td>{b}</td></tr></table>"),
        Inline.Select(x => $"<blockquote><p>{x}</p></blockquote>"),
        Inline.Select(x => $"<a href=\"/x\"><div>{x}</div></a>"),
        Gen.Const("<pre>نص\n  محفوظ</pre>"),
        Gen.Const("<script>var s = 'نص';</script>"),
        Inline.Select(x => $"<p>{x}"));

    private static readonly Gen<string> Fragment = Block.Array[1, 5].Select(string.Concat);
}
