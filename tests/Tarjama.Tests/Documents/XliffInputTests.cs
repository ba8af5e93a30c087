using System.Xml.Linq;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>XLIFF files from CAT tools as input: empty targets filled with inline codes kept, the rest as it was.</summary>
public class XliffInputTests
{
    private static readonly XNamespace V21 = "urn:oasis:names:tc:xliff:document:2.0";
    private static readonly XNamespace V12 = "urn:oasis:names:tc:xliff:document:1.2";

    private const string Xliff21 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar">
          <file id="f1">
            <unit id="u1"><segment><source>قال <pc id="1">المصدر</pc> إن<ph id="2"/> الخبر صحيح</source></segment></unit>
            <unit id="u2"><segment state="final"><source>مرحبا</source><target>Hello there</target></segment></unit>
            <unit id="u3" translate="no"><segment><source>لا تترجم</source></segment></unit>
            <unit id="u4"><notes><note>ملاحظة</note></notes><segment><source>عنوان</source><target></target></segment></unit>
          </file>
        </xliff>
        """;

    private const string Xliff12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
          <file original="story.html" source-language="ar" datatype="html">
            <body>
              <trans-unit id="1"><source>قال <g id="1">المصدر</g> إن<x id="2"/> الخبر <bpt id="3">&lt;span title="عنوان"&gt;</bpt>صحيح<ept id="3">&lt;/span&gt;</ept></source></trans-unit>
              <trans-unit id="2" translate="no"><source>لا تترجم</source></trans-unit>
              <trans-unit id="3"><source>مرحبا</source><target>Hello there</target><note>كما هو</note></trans-unit>
            </body>
          </file>
        </xliff>
        """;

    private static string Translate(string xliff, string name = "story.xlf") =>
        DocumentRunner.Translate(xliff, new LatinizingTranslator(), new DocumentTranslationOptions(), name);

    [Fact]
    public void Fills21TargetsWithTheirInlineCodesAndKeepsTheRest()
    {
        string translated = Translate(Xliff21);
        Assert.Empty(XliffSchemas.Errors(translated));
        var root = XDocument.Parse(translated).Root!;
        Assert.Equal("en", (string?)root.Attribute("trgLang"));
        var units = root.Descendants(V21 + "unit").ToDictionary(unit => (string)unit.Attribute("id")!);
        var first = units["u1"].Descendants(V21 + "target").Single();
        Assert.Equal($"{LatinizingTranslator.Latinize("قال")} <pc id=\"1\">{LatinizingTranslator.Latinize("المصدر")}</pc> {LatinizingTranslator.Latinize("إن")}<ph id=\"2\" /> {LatinizingTranslator.Latinize("الخبر صحيح")}",
            string.Concat(first.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting))).Replace(" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"", "", StringComparison.Ordinal));
        Assert.Equal("translated", (string?)first.Parent!.Attribute("state"));
        Assert.Equal("Hello there", units["u2"].Descendants(V21 + "target").Single().Value);
        Assert.Equal("final", (string?)units["u2"].Element(V21 + "segment")!.Attribute("state"));
        Assert.Empty(units["u3"].Descendants(V21 + "target"));
        Assert.Equal(LatinizingTranslator.Latinize("عنوان"), units["u4"].Descendants(V21 + "target").Single().Value);
        Assert.Equal("ملاحظة", units["u4"].Descendants(V21 + "note").Single().Value);
    }

    [Fact]
    public void A12IsolatedTagGainsNoSpaceWhereItsSourceHadNone()
    {
        const string Xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file original="story.html" source-language="ar" datatype="html">
                <body><trans-unit id="1"><source><g id="1">قال</g><it id="2" pos="close">&lt;/a&gt;</it> المصدر<it id="3" pos="open">&lt;a&gt;</it></source></trans-unit></body>
              </file>
            </xliff>
            """;
        var target = XDocument.Parse(Translate(Xliff, "story.xliff")).Descendants(V12 + "target").Single();
        Assert.Equal(["g", "it", " " + LatinizingTranslator.Latinize("المصدر"), "it"], target.Nodes().Select(node => node is XElement code ? code.Name.LocalName : ((XText)node).Value));
    }

    [Fact]
    public void Fills12TargetsAfterTheirSourcesAndKeepsTheRest()
    {
        string translated = Translate(Xliff12, "story.xliff");
        Assert.Empty(XliffSchemas.Errors(translated));
        var file = XDocument.Parse(translated).Root!.Element(V12 + "file")!;
        Assert.Equal("en", (string?)file.Attribute("target-language"));
        var units = file.Descendants(V12 + "trans-unit").ToDictionary(unit => (string)unit.Attribute("id")!);
        var target = units["1"].Element(V12 + "target")!;
        Assert.Equal(V12 + "source", ((XElement)target.PreviousNode!).Name);
        Assert.Equal("needs-review-translation", (string?)target.Attribute("state"));
        Assert.Equal(["g", "x", "bpt", "ept"], target.Descendants().Select(code => code.Name.LocalName));
        Assert.Equal("<span title=\"عنوان\">", target.Element(V12 + "bpt")!.Value);
        Assert.DoesNotContain(string.Concat(target.Nodes().OfType<XText>().Concat(target.Element(V12 + "g")!.Nodes().OfType<XText>()).Select(text => text.Value)), c => c is >= '\u0621' and <= '\u064A');
        Assert.Null(units["2"].Element(V12 + "target"));
        Assert.Equal("Hello there", units["3"].Element(V12 + "target")!.Value);
    }

    [Fact]
    public void FillsXliffWithoutAnXmlDeclaration() =>
        Assert.Contains("<target>", Translate(Xliff21[Xliff21.IndexOf('\n', StringComparison.Ordinal)..]), StringComparison.Ordinal);

    [Fact]
    public void NamesAnXliffFileThatIsNotXml() =>
        Assert.Equal("story.xlf: not well-formed XML at line 1, column 1",
            Assert.Throws<TarjamaException>(() => Translate("hello world\nthis is not XML\n")).Message);

    [Fact]
    public void NamesAnXliffFileThatIsOtherXml() =>
        Assert.Equal("story.xlf: not an XLIFF 1.2 or 2.x file (root element <story>)",
            Assert.Throws<TarjamaException>(() => Translate("<?xml version=\"1.0\"?><story><p>نص</p></story>")).Message);

    [Fact]
    public void TellsXliffFromItsNameOrItsRoot() =>
        Assert.Contains("<target>", DocumentRunner.Translate(Xliff21, new LatinizingTranslator(), null, "<stdin>"), StringComparison.Ordinal);

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\"><file id=\"f\"/></xliff>", "source language is en")]
    [InlineData("<?xml version=\"1.0\"?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"ar\" trgLang=\"fr\"><file id=\"f\"/></xliff>", "target language is fr")]
    [InlineData("<?xml version=\"1.0\"?><story><p>نص</p></story>", "not an XLIFF 1.2 or 2.x file (root element <story>)")]
    public void RefusesXliffForOtherLanguagesAndOtherXml(string xliff, string message)
    {
        var error = Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(xliff, new LatinizingTranslator(), new DocumentTranslationOptions { Format = DocumentFormat.Xliff }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesXliffAsTheBilingualViewOfXliff() =>
        Assert.Throws<TarjamaException>(() => DocumentRunner.Translate(Xliff21, new LatinizingTranslator(), new DocumentTranslationOptions { Bilingual = BilingualFormat.Xliff }, "story.xlf"));
}
