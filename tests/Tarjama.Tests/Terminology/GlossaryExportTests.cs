using Tarjama.Terminology;
using Tarjama.Tests.Cli;

namespace Tarjama.Tests.Terminology;

/// <summary>OmegaT glossary export: UTF-8 source&lt;TAB&gt;target&lt;TAB&gt;comment lines, read back as the same glossary.</summary>
public class GlossaryExportTests
{
    private static readonly string Tsv = Fixtures.Path("terminology", "syria.ar-en.tsv");
    private static readonly string Tbx = Fixtures.Path("terminology", "syria.ar-en.tbx");

    [Fact]
    public void Each_entry_is_a_line_with_its_comment_and_reads_back_the_same()
    {
        var glossary = GlossaryReader.Load([Tsv], "ar", "en");
        using var output = new StringWriter();
        Assert.Equal(5, GlossaryExport.WriteOmegaT(glossary, output));
        string text = output.ToString();
        Assert.StartsWith("الشرع\tal-Shara\tSyrian president, as English-language media spell him\nحميميم\tHmeimim\tRussian airbase in Latakia\nاللاذقية\tLatakia\n", text);
        var again = GlossaryReader.Parse(text, "glossary.txt", "ar", "en");
        Assert.Equal(glossary.Entries.Select(e => (e.Source, e.Target, e.Comment)), again.Select(e => (e.Source, e.Target, e.Comment)));
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_a_field_become_spaces()
    {
        var glossary = Glossary.Create("ar", [new GlossaryEntry("حميميم", "Hmeimim", "airbase\tin\r\nLatakia")]);
        using var output = new StringWriter();
        GlossaryExport.WriteOmegaT(glossary, output);
        Assert.Equal("حميميم\tHmeimim\tairbase in Latakia\n", output.ToString());
    }

    [Fact]
    public void The_cli_exports_a_tbx_glossary_for_omegat()
    {
        string folder = Directory.CreateTempSubdirectory("tarjama-glossary-").FullName;
        try
        {
            string target = Path.Combine(folder, "glossary.txt");
            var result = CliRunner.Run((byte[]?)null, "glossary", "export", Tbx, "-o", target);
            Assert.Equal((0, "3 entries exported"), (result.ExitCode, result.Stderr.Trim()));
            var lines = File.ReadAllLines(target);
            Assert.Equal(3, lines.Length); // the fixture's TBX has three source terms
            Assert.All(lines, line => Assert.InRange(line.Split('\t').Length, 2, 3));
            Assert.Contains("حميميم\tHmeimim", lines.Select(line => string.Join('\t', line.Split('\t').Take(2))));
            var missing = CliRunner.Run((byte[]?)null, "glossary", "export", Path.Combine(folder, "none.tsv"));
            Assert.Equal(2, missing.ExitCode);
            Assert.Single(missing.Stderr.Trim().Split('\n'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
