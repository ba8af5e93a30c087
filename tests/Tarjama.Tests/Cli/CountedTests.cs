namespace Tarjama.Tests.Cli;

/// <summary>What the CLI says it did reads as English: "1 entry exported", not "1 entries exported".</summary>
public class CountedTests
{
    [Theory]
    [InlineData(0, "0 entries")]
    [InlineData(1, "1 entry")]
    [InlineData(2, "2 entries")]
    public void A_count_of_one_takes_the_singular(long n, string expected) =>
        Assert.Equal(expected, Tarjama.Text.Counted.Of(n, "entry", "entries"));

    [Fact]
    public void Progress_counts_agree_with_their_number() =>
        Assert.Equal(("1 line", "1,204.5 lines"), (Tarjama.Cli.TerminalProgress.Count(1, "line"), Tarjama.Cli.TerminalProgress.Count(1204.5, "line")));

    [Fact]
    public void Glossary_export_of_one_entry_says_entry()
    {
        string glossary = Path.Combine(Directory.CreateTempSubdirectory("tarjama-counted-").FullName, "one.ar-en.tsv");
        try
        {
            File.WriteAllText(glossary, "حميميم\tHmeimim\n");
            var result = CliRunner.Run((byte[]?)null, "glossary", "export", glossary);
            Assert.Equal((0, "1 entry exported"), (result.ExitCode, result.Stderr.Trim()));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(glossary)!, recursive: true);
        }
    }
}
