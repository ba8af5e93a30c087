using System.Xml.Linq;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>XLIFF as Okapi, Trados and memoQ write it: 1.2 units segmented in &lt;seg-source&gt; with &lt;mrk mtype="seg"&gt;,
/// targets pre-filled with a copy of the source, protected markers.</summary>
public class XliffSegmentationTests
{
    private static readonly XNamespace V12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static readonly XNamespace V21 = "urn:oasis:names:tc:xliff:document:2.0";

    private static string Xliff12(string units) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
          <file original="story.html" source-language="ar" target-language="en" datatype="html">
            <body>
              {units}
            </body>
          </file>
        </xliff>
        """;

    private static XElement Unit12(string units, string id = "1")
    {
        string translated = DocumentRunner.Translate(Xliff12(units), new LatinizingTranslator(), new DocumentTranslationOptions(), "story.xlf");
        Assert.Empty(XliffSchemas.Errors(translated));
        return XDocument.Parse(translated, LoadOptions.PreserveWhitespace).Descendants(V12 + "trans-unit").Single(unit => (string?)unit.Attribute("id") == id);
    }

    private static string L(string arabic) => LatinizingTranslator.Latinize(arabic);

    private static string Inner(XElement element) =>
        string.Concat(element.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting))).Replace($" xmlns=\"{V12.NamespaceName}\"", "", StringComparison.Ordinal);

    [Fact]
    public void A_unit_segmented_in_seg_source_gets_a_target_with_the_same_segments_each_translated()
    {
        var unit = Unit12("""
            <trans-unit id="1"><source>جملة أولى. جملة ثانية.</source><seg-source><mrk mtype="seg" mid="1">جملة أولى.</mrk> <mrk mtype="seg" mid="2">جملة ثانية.</mrk></seg-source></trans-unit>
            """);
        var target = unit.Element(V12 + "target")!;
        Assert.Equal(V12 + "seg-source", ((XElement)target.PreviousNode!).Name);
        Assert.Equal($"<mrk mtype=\"seg\" mid=\"1\">{L("جملة أولى.")}</mrk> <mrk mtype=\"seg\" mid=\"2\">{L("جملة ثانية.")}</mrk>", Inner(target));
        Assert.Equal("needs-review-translation", (string?)target.Attribute("state"));
    }

    [Fact]
    public void Segments_that_are_empty_or_copy_their_source_are_translated_and_translated_ones_kept()
    {
        var unit = Unit12("""
            <trans-unit id="1"><source>أولى. ثانية. ثالثة.</source><seg-source><mrk mtype="seg" mid="1">أولى.</mrk> <mrk mtype="seg" mid="2">ثانية.</mrk> <mrk mtype="seg" mid="3">ثالثة.</mrk></seg-source><target state="new"><mrk mtype="seg" mid="1">أولى.</mrk> <mrk mtype="seg" mid="2">Second.</mrk> <mrk mtype="seg" mid="3"></mrk></target></trans-unit>
            """);
        var target = unit.Element(V12 + "target")!;
        Assert.Equal($"<mrk mtype=\"seg\" mid=\"1\">{L("أولى.")}</mrk> <mrk mtype=\"seg\" mid=\"2\">Second.</mrk> <mrk mtype=\"seg\" mid=\"3\">{L("ثالثة.")}</mrk>", Inner(target));
        Assert.Equal("needs-review-translation", (string?)target.Attribute("state"));
    }

    [Fact]
    public void A_segmented_target_translated_throughout_is_kept()
    {
        var unit = Unit12("""
            <trans-unit id="1"><source>أولى.</source><seg-source><mrk mtype="seg" mid="1">أولى.</mrk></seg-source><target state="translated"><mrk mtype="seg" mid="1">First.</mrk></target></trans-unit>
            """);
        Assert.Equal("First.", unit.Element(V12 + "target")!.Value);
        Assert.Equal("translated", (string?)unit.Element(V12 + "target")!.Attribute("state"));
    }

    [Fact]
    public void A_12_target_that_copies_its_source_is_translated()
    {
        var target = Unit12("""<trans-unit id="1"><source>مرحبا بكم</source><target state="new">مرحبا بكم</target></trans-unit>""").Element(V12 + "target")!;
        Assert.Equal(L("مرحبا بكم"), target.Value);
        Assert.Equal("needs-review-translation", (string?)target.Attribute("state"));
    }

    [Fact]
    public void A_21_target_that_copies_its_source_is_translated_and_other_segments_kept()
    {
        const string xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en">
              <file id="f1">
                <unit id="u1">
                  <segment id="s1"><source>قال <sc id="1"/>المصدر.</source><target>قال <sc id="1"/>المصدر.</target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment id="s2" state="final"><source>إن<ec startRef="1"/> الخبر صحيح.</source><target>That<ec startRef="1"/> the news is true.</target></segment>
                </unit>
              </file>
            </xliff>
            """;
        string translated = DocumentRunner.Translate(xliff, new LatinizingTranslator(), new DocumentTranslationOptions(), "story.xlf");
        Assert.Empty(XliffSchemas.Errors(translated));
        var segments = XDocument.Parse(translated).Descendants(V21 + "segment").ToList();
        Assert.Equal([L("قال "), "sc", L("المصدر.")], segments[0].Element(V21 + "target")!.Nodes().Select(node => node is XElement code ? code.Name.LocalName : ((XText)node).Value));
        Assert.Equal("translated", (string?)segments[0].Attribute("state"));
        Assert.Equal("That the news is true.", segments[1].Element(V21 + "target")!.Value);
        Assert.Equal("final", (string?)segments[1].Attribute("state"));
        Assert.Single(XDocument.Parse(translated).Descendants(V21 + "ignorable").Elements());
    }

    [Theory]
    [InlineData("<trans-unit id=\"1\" approved=\"yes\"><source>كوفيد</source><target>كوفيد</target></trans-unit>")]
    [InlineData("<trans-unit id=\"1\"><source>كوفيد</source><target state=\"final\">كوفيد</target></trans-unit>")]
    public void A_signed_off_12_target_equal_to_its_source_is_kept(string unit) =>
        Assert.Equal("كوفيد", Unit12(unit).Element(V12 + "target")!.Value);

    [Fact]
    public void A_final_21_segment_equal_to_its_source_is_kept()
    {
        const string xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en">
              <file id="f1"><unit id="u1"><segment state="final"><source>كوفيد</source><target>كوفيد</target></segment></unit></file>
            </xliff>
            """;
        string translated = DocumentRunner.Translate(xliff, new LatinizingTranslator(), new DocumentTranslationOptions(), "story.xlf");
        Assert.Equal("كوفيد", XDocument.Parse(translated).Descendants(V21 + "target").Single().Value);
    }

    [Fact]
    public void A_protected_marker_is_kept_untranslated()
    {
        var target = Unit12("""<trans-unit id="1"><source>زار <mrk mtype="protected">الرئيس الأسد</mrk> موسكو</source></trans-unit>""").Element(V12 + "target")!;
        Assert.Equal("الرئيس الأسد", target.Element(V12 + "mrk")!.Value);
        Assert.Equal(L("زار ") + "الرئيس الأسد" + L(" موسكو"), target.Value);
    }

    [Fact]
    public void Under_xml_space_preserve_line_breaks_and_edge_spaces_are_kept()
    {
        var target = Unit12("<trans-unit id=\"1\" xml:space=\"preserve\"><source>  سطر أول\n  سطر ثان </source></trans-unit>").Element(V12 + "target")!;
        Assert.Equal($"  {L("سطر أول")}\n  {L("سطر ثان")} ", target.Value);
    }

    [Fact]
    public void A_21_target_gets_its_sources_xml_space()
    {
        const string xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar">
              <file id="f1"><unit id="u1"><segment><source xml:space="preserve">سطر أول
            سطر ثان</source></segment></unit></file>
            </xliff>
            """;
        string translated = DocumentRunner.Translate(xliff, new LatinizingTranslator(), new DocumentTranslationOptions(), "story.xlf");
        var target = XDocument.Parse(translated, LoadOptions.PreserveWhitespace).Descendants(V21 + "target").Single();
        Assert.Equal("preserve", (string?)target.Attribute(XNamespace.Xml + "space"));
        Assert.Equal($"{L("سطر أول")}\n{L("سطر ثان")}", target.Value);
    }

    [Fact]
    public void Inline_codes_come_out_once_each_in_source_order_whatever_the_model_returns()
    {
        const string units = """
            <trans-unit id="1"><source>قال <g id="1">المصدر</g> إن<x id="2"/> <bx id="3"/>الخبر<ex id="4"/> <bpt id="5">&lt;b&gt;</bpt>صحيح<ept id="5">&lt;/b&gt;</ept> <it id="6" pos="open">&lt;i&gt;</it>جدا <ph id="7">&lt;br/&gt;</ph> <mrk mtype="protected">الآن</mrk>.</source></trans-unit>
            """;
        const string xliff21 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en">
              <file id="f1"><unit id="u1"><segment><source>قال <pc id="1">المصدر</pc> إن<ph id="2"/> <sc id="3"/>الخبر<ec startRef="3"/> صحيح <mrk id="m1" translate="no">الآن</mrk>.</source></segment></unit></file>
            </xliff>
            """;
        for (int seed = 0; seed < 40; seed++)
        {
            foreach (string xliff in new[] { Xliff12(units), xliff21 })
            {
                string translated = DocumentRunner.Translate(xliff, new GarbageTranslator(seed), new DocumentTranslationOptions(), "story.xlf");
                Assert.Empty(XliffSchemas.Errors(translated));
                var unit = XDocument.Parse(translated).Descendants().Single(element => element.Name.LocalName is "trans-unit" or "unit");
                var source = unit.Descendants().First(element => element.Name.LocalName == "source");
                var target = unit.Descendants().Single(element => element.Name.LocalName == "target");
                Assert.Equal(Codes(source), Codes(target));
                Assert.Equal(source.Descendants().Single(element => element.Name.LocalName == "mrk").Value, target.Descendants().Single(element => element.Name.LocalName == "mrk").Value);
            }
        }
    }

    private static IEnumerable<string> Codes(XElement content) => content.Descendants().Select(code => code.ToString(SaveOptions.DisableFormatting).Split('>')[0]);
}
