using Tarjama.Terminology;
using Tarjama.Text;

namespace Tarjama.Tests.Terminology;

public class GlossaryReaderTests
{
    private static IReadOnlyList<GlossaryEntry> Parse(string text, string name = "g.tsv") => GlossaryReader.Parse(text, name, "ar", "en");

    private static string Error(string text, string name = "g.tsv") =>
        Assert.Throws<TarjamaException>(() => Glossary.Create("ar", Parse(text, name))).Message;

    [Fact]
    public void Reads_tab_separated_entries_with_comments()
    {
        var glossary = GlossaryReader.Load([Fixtures.Path("terminology", "syria.ar-en.tsv")], "ar", "en");
        Assert.Equal(5, glossary.Entries.Count);
        Assert.Equal(("الشرع", "al-Shara", 1), (glossary.Entries[0].Source, glossary.Entries[0].Target, glossary.Entries[0].Line));
        Assert.StartsWith("Syrian president", glossary.Entries[0].Comment);
        Assert.Null(glossary.Entries[2].Comment);
    }

    [Fact]
    public void Reads_comma_separated_entries_with_quotes_and_a_header()
    {
        var entries = Parse("ar,en\nالشرع,al-Shara\n\"وزارة الخارجية, دمشق\",\"Ministry of Foreign Affairs, \"\"Damascus\"\"\",note\n", "g.csv");
        Assert.Equal([("الشرع", "al-Shara"), ("وزارة الخارجية, دمشق", "Ministry of Foreign Affairs, \"Damascus\"")], entries.Select(e => (e.Source, e.Target)));
        Assert.Equal(3, entries[1].Line);
    }

    [Fact]
    public void Reads_DeepL_CSV_lines_that_name_the_pair_and_refuses_another_pair()
    {
        Assert.Equal([("الشرع", "al-Shara")], Parse("الشرع,al-Shara,AR,en-US\n", "g.csv").Select(e => (e.Source, e.Target)));
        Assert.Equal("g.csv:2: this entry is for en→ar, the glossary for ar→en", Error("الشرع,al-Shara,ar,en\nal-Shara,الشرع,en,ar\n", "g.csv"));
    }

    [Fact]
    public void Skips_blank_lines_and_comment_lines() =>
        Assert.Equal([3], Parse("# names\n\nالشرع\tal-Shara\n").Select(e => e.Line));

    [Fact]
    public void Reads_TBX_basic_for_the_direction_asked()
    {
        var entries = GlossaryReader.Read(Fixtures.Path("terminology", "syria.ar-en.tbx"), "ar", "en");
        Assert.Equal([("الشرع", "al-Shara"), ("حميميم", "Hmeimim"), ("حميم", "Hmeimim")], entries.Select(e => (e.Source, e.Target)));
        Assert.Equal("Syrian president", entries[0].Comment);
        Assert.Equal(8, entries[0].Line);
        var english = GlossaryReader.Read(Fixtures.Path("terminology", "syria.ar-en.tbx"), "en", "ar");
        Assert.Equal([("al-Shara", "الشرع"), ("Hmeimim", "حميميم"), ("Khmeimim", "حميميم")], english.Select(e => (e.Source, e.Target)));
    }

    [Theory]
    [InlineData("الشرع\tal-Shara\nالشرع\tSharaa\n", "g.tsv:2: duplicate glossary term 'الشرع' (first at g.tsv:1)")]
    [InlineData("أحمد\tAhmad\nاحمد\tAhmed\n", "g.tsv:2: duplicate glossary term 'احمد' (first at g.tsv:1)")]
    [InlineData("الشرع\tal-Shara\nحميميم\t \n", "g.tsv:2: empty glossary entry (needs a source and a target term)")]
    [InlineData("الشرع\tal-Shara\n\tHmeimim\n", "g.tsv:2: empty glossary entry (needs a source and a target term)")]
    [InlineData("الشرع\tal-Shara\nحميميم\n", "g.tsv:2: expected source<TAB>target[<TAB>comment], found 1 field(s)")]
    [InlineData("الشرع\tal-Shara\n!!\tx\n", "g.tsv:2: glossary source term '!!' has no letters or digits")]
    public void Refuses_bad_entries_with_their_line(string text, string message) => Assert.Equal(message, Error(text));

    [Fact]
    public void Refuses_an_empty_TBX_term_with_its_entry_line() =>
        Assert.Equal("g.tbx:2: empty glossary entry (needs a source and a target term)", Error(
            "<martif><text><body><termEntry>\n<langSet xml:lang=\"ar\"><tig><term>الشرع</term></tig></langSet>\n<langSet xml:lang=\"en\"><tig><term> </term></tig></langSet>\n</termEntry></body></text></martif>", "g.tbx"));

    [Fact]
    public void Refuses_broken_TBX_with_its_line() =>
        Assert.StartsWith("g.tbx:2: not a TBX file", Error("<martif>\n<termEntry></martif>", "g.tbx"));

    [Fact]
    public void Refuses_TBX_nested_past_the_limit_before_loading_it()
    {
        // 100,000 nested elements (1.2 MB, under the server's body limit) took 20 s to load into a tree.
        string deep = string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000));
        Assert.Equal($"g.tbx:2: not a TBX file (elements nested deeper than {Tarjama.Documents.XmlDepth.Limit})", Error($"<martif>\n<text><body>{deep}</body></text></martif>", "g.tbx"));
    }

    [Fact]
    public void Refuses_invalid_utf8_with_its_byte_offset_and_reads_past_a_byte_order_mark()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string bad = Path.Combine(dir, "bad.tsv"), marked = Path.Combine(dir, "marked.tsv");
        File.WriteAllBytes(bad, [.. "الشرع\tal-Sh"u8, 0xFF, .. "ara\n"u8]);
        File.WriteAllBytes(marked, [0xEF, 0xBB, 0xBF, .. "الشرع\tal-Shara\n"u8]);
        Assert.Equal($"{bad}: invalid UTF-8 at byte offset 16; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)", Assert.Throws<InvalidUtf8Exception>(() => GlossaryReader.Read(bad, "ar", "en")).Message);
        Assert.Equal(("الشرع", "al-Shara"), GlossaryReader.Read(marked, "ar", "en").Select(e => (e.Source, e.Target)).Single());
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Refuses_a_term_in_two_files()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "b.tsv"), "طرطوس\tTartous\n");
        var error = Assert.Throws<TarjamaException>(() => GlossaryReader.Load([Fixtures.Path("terminology", "syria.ar-en.tsv"), Path.Combine(dir, "b.tsv")], "ar", "en"));
        Assert.EndsWith("b.tsv:1: duplicate glossary term 'طرطوس' (first at " + Fixtures.Path("terminology", "syria.ar-en.tsv") + ":4)", error.Message);
    }
}
