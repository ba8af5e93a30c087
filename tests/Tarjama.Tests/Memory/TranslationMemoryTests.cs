using System.Text.Json;
using System.Xml.Linq;
using Tarjama.Documents;
using Tarjama.Memory;
using Tarjama.Tests.Documents;
using Tarjama.Text;

namespace Tarjama.Tests.Memory;

public sealed class TranslationMemoryTests : IDisposable
{
    // NTREX-128 lines (tests/fixtures/documents/ntrex128-sample.ar.txt) with their translations as an editor approved them
    private const string Dolls = "أعرب أعضاء جمعية ويلز الوطنية عن قلقهم من \"أنهم يبدون كالدمى\"";
    private const string Title = "هناك استياء بين بعض أعضاء جمعية ويلز الوطنية من الاقتراح بتغيير مسماهم الوظيفي إلى MWPs (أعضاء في برلمان ويلز).";

    private readonly TranslationMemory _memory = TranslationMemory.InMemory("test");

    public TranslationMemoryTests() => _memory.Add(
    [
        (Dolls, "Welsh Assembly members worried they \"look like muppets\""),
        (Title, "There is unease among some AMs at a suggestion to change their title to MWPs (Members of the Welsh Parliament)."),
        ("قُتل ٣ أشخاص في الهجوم.", "3 people were killed in the attack."),
        ("وصل ٣ وزراء.", "Three ministers arrived."),
    ], "ar", "en");

    public void Dispose() => _memory.Dispose();

    private List<JsonElement> Records(string document, LatinizingTranslator translator, double fuzzy = 0.75, DocumentFormat format = DocumentFormat.Text) =>
        [.. DocumentRunner.Translate(document, translator, new DocumentTranslationOptions { Format = format, Bilingual = BilingualFormat.Jsonl, Memories = [_memory], FuzzyThreshold = fuzzy })
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];

    [Fact]
    public void AnExactMatchAfterNormalisationReplacesTheModelWithItsNumbersSubstituted()
    {
        var translator = new LatinizingTranslator();
        var records = Records("قتل ٥ أشخاص في الهجوم. وصل ٣ وزراء. وصل ٤ وزراء.", translator);
        Assert.Equal(["5 people were killed in the attack.", "Three ministers arrived.", LatinizingTranslator.Latinize("وصل 4 وزراء.")],
            records.Select(r => r.GetProperty("target").GetString()));
        Assert.Equal(["memory", "memory", "machine"], records.Select(r => r.GetProperty("origin").GetString()));
        Assert.Equal(["وصل [1] وزراء."], translator.Calls.SelectMany(call => call)); // a spelled-out number matches only its own number
    }

    [Fact]
    public void ExactMatchesKeepTheSegmentsMarkup()
    {
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(DocumentRunner.Translate("<p>قتل <b>٧</b> أشخاص في الهجوم.</p>", new LatinizingTranslator(),
            new DocumentTranslationOptions { Format = DocumentFormat.Html, Memories = [_memory] }));
        Assert.Equal("7 people were killed in the attack.", html.QuerySelector("p")!.TextContent);
        Assert.Single(html.QuerySelectorAll("p b")); // markup the memory's target lacks is placed again, as for model output
    }

    [Fact]
    public void FuzzyMatchesAreReportedWithTheirTokenLevelScores()
    {
        var edited = Title.Replace("الاقتراح", "المقترح", StringComparison.Ordinal); // 1 word of 22 (punctuation counts)
        var twice = Dolls.Replace("الوطنية ", "", StringComparison.Ordinal).Replace("قلقهم", "خوفهم", StringComparison.Ordinal); // 2 of 13
        var records = Records($"{edited}\n{twice}", new LatinizingTranslator());
        Assert.All(records, record => Assert.Equal("machine", record.GetProperty("origin").GetString()));
        var match = records[0].GetProperty("matches")[0];
        Assert.Equal(Math.Round(21.0 / 22, 4), match.GetProperty("score").GetDouble());
        Assert.Equal("There is unease among some AMs at a suggestion to change their title to MWPs (Members of the Welsh Parliament).", match.GetProperty("target").GetString());
        Assert.Equal(Math.Round(11.0 / 13, 4), records[1].GetProperty("matches")[0].GetProperty("score").GetDouble());
        Assert.False(Records(twice, new LatinizingTranslator(), fuzzy: 0.9)[0].TryGetProperty("matches", out _));
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c", "d" }, new[] { "a", "b", "c", "d" }, 1.0)]
    [InlineData(new[] { "a", "b", "c", "d" }, new[] { "a", "x", "c", "d" }, 0.75)]
    [InlineData(new[] { "a", "b", "c", "d" }, new[] { "a", "c", "d" }, 0.75)]
    [InlineData(new[] { "a", "b" }, new[] { "c", "d", "e", "f" }, 0.0)]
    public void ScoresByWordEditDistanceOverTheLongerSegment(string[] a, string[] b, double expected) =>
        Assert.Equal(expected, TokenSimilarity.Score(a, b), 6);

    [Fact]
    public void ReadsTmxJsonlAndEditedXliffAndKeepsThemInAFile()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-tm-").FullName;
        try
        {
            var tmx = Path.Combine(folder, "approved.tmx");
            File.WriteAllText(tmx, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header srclang="ar-SA" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
                <body><tu><prop type="x-note">ignored</prop><tuv xml:lang="ar-SA"><seg>قال <bpt i="1">&lt;b&gt;</bpt>الوزير<ept i="1">&lt;/b&gt;</ept> ذلك.</seg></tuv>
                <tuv xml:lang="en-GB"><seg>The <bpt i="1">&lt;b&gt;</bpt>minister<ept i="1">&lt;/b&gt;</ept> said so.</seg></tuv></tu></body></tmx>
                """);
            var jsonl = Path.Combine(folder, "approved.jsonl");
            File.WriteAllText(jsonl, "{\"paragraph\":0,\"segment\":0,\"source\":\"صباح الخير.\",\"target\":\"Good morning.\",\"origin\":\"machine\"}\n");
            var xliff = XDocument.Parse(DocumentRunner.Translate("مساء الخير.", new LatinizingTranslator(), new DocumentTranslationOptions { Format = DocumentFormat.Text, Bilingual = BilingualFormat.Xliff }));
            xliff.Descendants().Single(e => e.Name.LocalName == "target").Value = "Good evening.";
            var xlf = Path.Combine(folder, "edited.xlf");
            xliff.Save(xlf);
            var database = Path.Combine(folder, "memory.db");
            using (var file = TranslationMemory.Open(database, create: true))
            {
                foreach (var path in new[] { tmx, jsonl, xlf })
                {
                    Assert.Equal(1, file.Add(BilingualFiles.Read(path, "ar", "en"), "ar", "en"));
                }
            }
            using var reopened = TranslationMemory.Open(database, create: false);
            Assert.Equal([("قال الوزير ذلك.", "The minister said so."), ("صباح الخير.", "Good morning."), ("مساء الخير.", "Good evening.")], reopened.Pairs("ar", "en"));
            Assert.Empty(reopened.Pairs("en", "ar"));
            var output = new StringWriter();
            Assert.Equal(3, MemoryExport.WriteTmx(reopened, output, "ar", "en"));
            File.WriteAllText(Path.Combine(folder, "export.tmx"), output.ToString());
            Assert.Equal(reopened.Pairs("ar", "en"), BilingualFiles.Read(Path.Combine(folder, "export.tmx"), "ar", "en"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RefusesWhatItCannotRead()
    {
        Assert.Contains("no such translation memory", Assert.Throws<TarjamaException>(() => TranslationMemory.Open("/nonexistent/memory.db", create: false)).Message);
        var bad = Path.GetTempFileName() + ".jsonl";
        File.WriteAllText(bad, "{\"source\":\"a\",\"target\":\"b\"}\nnot json\n");
        try
        {
            Assert.Contains(":2: not a JSON object", Assert.Throws<TarjamaException>(() => BilingualFiles.Read(bad, "ar", "en")).Message);
            File.WriteAllBytes(bad, [.. "{\"source\": \"a"u8, 0xFF, .. "\", \"target\": \"b\"}\n"u8]);
            Assert.Equal($"{bad}: invalid UTF-8 at byte offset 13; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)", Assert.Throws<InvalidUtf8Exception>(() => BilingualFiles.Read(bad, "ar", "en")).Message);
            File.Delete(bad);
            Directory.CreateDirectory(bad);
            Assert.Equal($"{bad}: cannot read it (it is a directory)", Assert.Throws<TarjamaException>(() => BilingualFiles.Read(bad, "ar", "en")).Message);
        }
        finally
        {
            if (Directory.Exists(bad))
            {
                Directory.Delete(bad);
            }
            File.Delete(bad);
        }
    }

    [Fact]
    public void A_memory_in_a_folder_that_cannot_be_written_serves_lookups_and_exports()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-tm-").FullName;
        try
        {
            var path = Path.Combine(folder, "desk.tm");
            using (var made = TranslationMemory.Open(path, create: true))
            {
                made.Add([("وصل الوزير إلى دمشق.", "The minister arrived in Damascus.")], "ar", "en");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // SQLite reads a WAL-mode file through desk.tm-shm, made beside it; where it cannot be made (a read-only
            // volume, a folder the service may not write; here a link to nowhere in its place, since tests run as
            // root), the memory was "not a translation memory Tarjama can open" for translate --tm, serve --tm and
            // tm export.
            File.CreateSymbolicLink(path + "-shm", Path.Combine(folder, "missing", "desk.tm-shm"));
            using var memory = TranslationMemory.OpenToRead(path);
            Assert.Equal(1.0, Assert.Single(memory.Lookup("وصل الوزير إلى دمشق.", "ar", "en", 0.75)).Score);
            Assert.Equal([("وصل الوزير إلى دمشق.", "The minister arrived in Damascus.")], memory.Pairs("ar", "en"));
            var export = Cli.CliRunner.Run("", "tm", "export", path);
            Assert.Equal((0, "1 pair exported\n"), (export.ExitCode, export.Stderr));
            Assert.Contains("The minister arrived in Damascus.", export.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_memory_file_is_one_line_naming_it_and_exit_code_2_not_an_internal_error()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-tm-").FullName;
        try
        {
            var path = Path.Combine(folder, "desk.tm");
            Testing.DamagedMemory.Write(path);

            using (var damaged = TranslationMemory.Open(path, create: false))
            {
                var error = Assert.Throws<StoreException>(() => damaged.Lookup("وصل abc إلى دمشق.", "ar", "en", 0.75));
                Assert.StartsWith($"{path}: cannot read the translation memory (SQLite Error 11: 'database disk image is malformed'.; the file is damaged: ", error.Message);
            }
            // Before: "tarjama: internal error: SqliteException: ..." and exit code 70.
            var pairs = Path.Combine(folder, "pairs.jsonl");
            File.WriteAllText(pairs, "{\"source\": \"مرحبا\", \"target\": \"hello\"}\n");
            var add = Cli.CliRunner.Run("", "tm", "add", path, pairs);
            Assert.Equal((2, $"tarjama: error: {path}: cannot write the translation memory (SQLite Error 11: 'database disk image is malformed'.; " +
                "the file is damaged: restore it from a copy, or build it again with tarjama tm add)\n"), (add.ExitCode, add.Stderr));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
