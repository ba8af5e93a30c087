using AngleSharp.Dom;
using AngleSharp.Xml.Parser;
using CsCheck;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public class XmlDocumentTests
{
    private static readonly DocumentTranslationOptions XmlOptions = new() { Format = DocumentFormat.Xml };

    private static string Latin(string text) => LatinizingTranslator.Latinize(text);

    [Fact]
    public void TranslatesTextKeepingEveryElementAttributeAndDeclaration()
    {
        var source = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- كما هو --><story xml:lang=\"ar\" xmlns:n=\"urn:news\">"
            + "<headline>عنوان الخبر</headline><body><p>قال <n:person id=\"7\" role=\"مصدر\">المصدر</n:person> إن <em>الخبر</em> صحيح.</p>"
            + "<p translate=\"no\">لا تترجم</p><![CDATA[نص <خام>]]></body></story>";
        var expected = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- كما هو --><story xmlns:n=\"urn:news\" xml:lang=\"en\">"
            + $"<headline>{Latin("عنوان الخبر")}</headline><body><p>{Latin("قال")} <n:person id=\"7\" role=\"مصدر\">{Latin("المصدر")}</n:person> {Latin("إن")} <em>{Latin("الخبر")}</em> {Latin("صحيح")}.</p>"
            + "<p translate=\"no\">لا تترجم</p><![CDATA[نص <خام>]]></body></story>";
        Assert.Equal(expected, DocumentRunner.Translate(source, new LatinizingTranslator(), XmlOptions));
    }

    [Fact]
    public void WritesAFragmentBackAsAFragment() =>
        Assert.Equal($"{Latin("مرحبا")} <x id=\"1\" /><b>{Latin("بكم")}</b> &amp; {Latin("أهلا")}",
            DocumentRunner.Translate("مرحبا <x id=\"1\"/><b>بكم</b> &amp; أهلا", new LatinizingTranslator(), XmlOptions));

    [Fact]
    public void ElementsAmongTextAreInlineAndElementsAmongElementsAreBlocks()
    {
        var translator = new LatinizingTranslator();
        DocumentRunner.Translate("<doc><title>عنوان</title><para>نص <b>غامق</b> هنا</para></doc>", translator, XmlOptions);
        Assert.Equal(2, translator.Calls.SelectMany(call => call).Count());
        Assert.Contains(translator.Calls.SelectMany(call => call), segment => segment.StartsWith("نص", StringComparison.Ordinal) && segment.EndsWith("هنا", StringComparison.Ordinal));
    }

    [Fact]
    public void SplittingAndNonSplittingElementsOverrideTheOutline()
    {
        var splitting = new LatinizingTranslator();
        DocumentRunner.Translate("<para>نص <b>غامق</b> هنا</para>", splitting, XmlOptions with { XmlStructure = new() { SplittingElements = ["b"] } });
        Assert.Equal(["غامق", "نص", "هنا"], splitting.Calls.SelectMany(call => call).Order(StringComparer.Ordinal));
        var inline = new LatinizingTranslator();
        DocumentRunner.Translate("<r><a>أول</a><a>ثان</a></r>", inline, XmlOptions with { XmlStructure = new() { OutlineDetection = false } });
        Assert.Single(inline.Calls.SelectMany(call => call));
    }

    [Fact]
    public void IgnoredElementsKeepTheirContent() =>
        Assert.Equal($"<p>{Latin("نص")} <keep>كما هو</keep></p>",
            DocumentRunner.Translate("<p>نص <keep>كما هو</keep></p>", new LatinizingTranslator(), XmlOptions with { KeptElements = ["keep"] }));

    [Theory]
    [InlineData("<p>نص <b>غامق</p>", "not well-formed XML at line 1, column")]
    [InlineData("<p>نص &nbsp;</p>", "not well-formed XML at line 1, column")]
    [InlineData("<?xml version=\"1.0\"?>\n<r>\n<a></b></r>", "not well-formed XML at line 3, column")]
    [InlineData("<!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;</r>", "DTD declarations of its own")]
    [InlineData("<!DOCTYPE r SYSTEM \"x>y\" [<!ENTITY a \"aaaa\">]><r>&a;</r>", "DTD declarations of its own")]
    [InlineData("<!DOCTYPE r PUBLIC 'p>' 's[' [<!ENTITY a \"aaaa\">]><r>&a;</r>", "DTD declarations of its own")]
    public void RefusesXmlThatIsNotWellFormedOrDeclaresEntities(string source, string message)
    {
        var error = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(source, new LatinizingTranslator(), XmlOptions));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void RefusesXmlNestedPastTheLimit()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", NestingLimit.HtmlDepth + 5)) + "نص" + string.Concat(Enumerable.Repeat("</a>", NestingLimit.HtmlDepth + 5));
        var error = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(deep, new LatinizingTranslator(), XmlOptions));
        Assert.Contains($"deeper than {NestingLimit.HtmlDepth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnElementWithMoreAttributesThanTheLimitBeforeParsingIt()
    {
        // 200,000 attributes on one element (2 MB) took the parser 90 s: it checks each against all before it.
        var many = "<?xml version=\"1.0\"?>\n<r>\n<p " + string.Join(' ', Enumerable.Range(0, 200_000).Select(i => $"a{i}=\"1\"")) + ">نص</p></r>";
        var error = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(many, new LatinizingTranslator(), XmlOptions));
        Assert.EndsWith($"an element with more than {XmlDocumentRewriter.MaxAttributes} attributes (line 3); no XML vocabulary needs that many", error.Message);
        var enough = "<r><p " + string.Join(' ', Enumerable.Range(0, XmlDocumentRewriter.MaxAttributes).Select(i => $"a{i}='x=\"{i}\">'")) + ">نص</p></r>";
        Assert.Contains(Latin("نص"), DocumentRunner.Translate(enough, new LatinizingTranslator(), XmlOptions), StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsXmlStructureWhateverTheTranslatorReturns()
    {
        Gen.Select(Fragment, Gen.Int, Gen.Bool).Sample((xml, seed, garbage) =>
        {
            ISegmentTranslator translator = garbage ? new GarbageTranslator(seed) : new LatinizingTranslator();
            var translated = DocumentRunner.Translate(xml, translator, XmlOptions);
            Assert.Equal(Skeleton(xml), Skeleton(translated));
        }, iter: 200);
    }

    /// <summary>Every element in document order with its depth and attributes; untranslated elements whole. Parsing
    /// also proves the output is well-formed.</summary>
    private static List<string> Skeleton(string xml)
    {
        var document = new XmlParser().ParseDocument($"<root>{xml}</root>");
        return [.. document.DocumentElement.Descendants<IElement>().Select(element =>
        {
            var attributes = element.Attributes.Where(a => a.Name != "xml:lang").Select(a => $"{a.Name}={a.Value}");
            var untouched = element.GetAttribute("translate") == "no" ? element.TextContent : "";
            return $"{element.GetAncestors().Count()} {element.NodeName} {string.Join(' ', attributes)} {untouched}";
        })];
    }

    private static readonly Gen<string> Words = Gen.OneOf("كلمة", "الرئيس", "قال", "إن", "3.5", "نص.", "سؤال؟", "&amp;", "&lt;x&gt;", "https://example.org/x")
        .Array[1, 4].Select(words => string.Join(' ', words));

    private static readonly Gen<string> Inline = Gen.Recursive<string>((depth, inline) => Gen.OneOf(
        Words,
        Words,
        depth > 2 ? Words : inline.Select(x => $"<b>{x}</b>"),
        depth > 2 ? Words : Gen.Select(inline, Gen.Int[0, 9], (x, n) => $"<n:ref xmlns:n=\"urn:n\" id=\"{n}\">{x}</n:ref>"),
        Gen.Int[0, 9].Select(n => $"<ph id=\"{n}\"/>"),
        Gen.Const("<!-- note -->"),
        Words.Select(w => $"<term translate=\"no\">{w}</term>"))
        .Array[1, 5].Select(parts => string.Join(' ', parts)));

    private static readonly Gen<string> Fragment = Gen.OneOf(
        Inline.Select(x => $"<para>{x}</para>"),
        Inline.Array[1, 3].Select(items => $"<list>{string.Concat(items.Select(item => $"<item>{item}</item>"))}</list>"),
        Inline).Array[1, 4].Select(string.Concat);
}
