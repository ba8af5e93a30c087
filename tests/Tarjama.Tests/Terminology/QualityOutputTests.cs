using System.Text.Json;
using System.Xml;
using Tarjama.Documents;
using Tarjama.Quality;
using Tarjama.Tests.Cli;
using Tarjama.Tests.Documents;

namespace Tarjama.Tests.Terminology;

/// <summary>The quality checks' findings in bilingual outputs, and the CLI's glossary, summary line and --qa-strict.</summary>
public class QualityOutputTests
{
    private const string Article = "وقال بوتين إن العلاقات قوية منذ 80 عاما.\nوصل الشرع إلى موسكو.\n";

    // The stand-in leaves Arabic in its first translation, so that segment is flagged and the second is not.
    private static string Bilingual(BilingualFormat format) => DocumentRunner.Translate(Article, new FunctionTranslator(s => s.Contains("بوتين") ? "Putin said relations were strong for [1] years في الكرملين." : "al-Shara arrived in Moscow."),
        new DocumentTranslationOptions { Format = DocumentFormat.Text, Bilingual = format, Quality = new SegmentQualityChecker("ar", "en") });

    [Fact]
    public void Jsonl_records_carry_the_findings()
    {
        var records = Bilingual(BilingualFormat.Jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var qa = records[0].GetProperty("qa").EnumerateArray().Single();
        Assert.Equal(("untranslated", "source-language text left in the translation"), (qa.GetProperty("check").GetString(), qa.GetProperty("message").GetString()));
        Assert.Equal(0, records[1].GetProperty("qa").GetArrayLength());
    }

    [Fact]
    public void Tmx_units_carry_the_findings_as_notes()
    {
        var tmx = new XmlDocument();
        tmx.LoadXml(Bilingual(BilingualFormat.Tmx));
        var units = tmx.SelectNodes("//tu")!.Cast<XmlElement>().ToList();
        Assert.Equal("qa untranslated: source-language text left in the translation", units[0].SelectSingleNode("note")!.InnerText);
        Assert.Null(units[1].SelectSingleNode("note"));
    }

    [Fact]
    public void The_side_by_side_page_highlights_flagged_translations()
    {
        var html = Bilingual(BilingualFormat.Html);
        // The tooltip holds where the translation came from, then what the checks found.
        Assert.Matches("<span class=\"qa\" title=\"[^\"]*qa untranslated: source-language text left in the translation\">Putin said relations were strong for 80 years في الكرملين.</span>", html);
        Assert.Matches("<span( title=\"[^\"]*\")?>al-Shara arrived in Moscow.</span>", html);
    }

    private static readonly string[] Engine = ["translate", "-m", Fixtures.Path("models", "tiny-ar-en"), "--beams", "1", "--max-new-tokens", "40"];

    [Fact]
    public void Translate_enforces_the_glossary_and_prints_the_summary_line()
    {
        var result = CliRunner.Run(Article, [.. Engine, "--format", "text", "--glossary", Fixtures.Path("terminology", "syria.ar-en.tsv")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("al-Shara", result.Stdout.Split('\n')[1], StringComparison.Ordinal);
        Assert.Matches(@"^tarjama: qa: 2 segments checked, \d flagged", result.Stderr.Trim());
    }

    [Fact]
    public void Qa_strict_exits_3_when_a_segment_is_flagged_and_still_writes_the_output()
    {
        var result = CliRunner.Run(Article, [.. Engine, "--sentences", "--qa-strict"]);
        Assert.Equal(3, result.ExitCode); // the tiny random model loses the number
        Assert.Equal(2, result.Stdout.TrimEnd('\n').Split('\n').Length);
        Assert.StartsWith("tarjama: qa: 2 segments checked,", result.Stderr.Trim());
    }

    [Fact]
    public void A_bad_glossary_is_one_error_line_and_exit_2()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "bad.tsv"), "الشرع\tal-Shara\nالشرع\tSharaa\n");
        var result = CliRunner.Run(Article, [.. Engine, "--glossary", Path.Combine(dir, "bad.tsv")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tarjama: error: {Path.Combine(dir, "bad.tsv")}:2: duplicate glossary term 'الشرع' (first at {Path.Combine(dir, "bad.tsv")}:1)", result.Stderr.Trim());
    }
}
