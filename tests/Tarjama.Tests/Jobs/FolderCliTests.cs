using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tarjama.Jobs;
using Tarjama.Tests.Cli;

namespace Tarjama.Tests.Jobs;

/// <summary><c>tarjama translate -i folder -o folder</c> through the real CLI and the tiny reference model: killed with
/// SIGKILL mid-run and run again, it translates no finished segment twice and writes what one whole run writes.</summary>
public sealed class FolderCliTests : TempFolderTest
{
    [Fact]
    public void A_run_killed_mid_way_and_run_again_redoes_no_finished_segment()
    {
        var input = MakeInput();
        // Seconds of work after the first chunk, so that the kill lands mid-run however late a busy test host looks.
        File.AppendAllText(Path.Combine(input, "a.txt"), RedisFleet.Document(1000));
        var whole = Path.Combine(Folder, "whole");
        var wholeRun = CliRunner.Run([], Args(input, whole));
        Assert.Equal(2, wholeRun.ExitCode); // bad.txt fails, with its reason
        int distinct = Summary(wholeRun.Stderr).Translated;
        Assert.Contains("failed bad.txt: ", wholeRun.Stderr);
        Assert.Contains("skipped notes.pdf: not a supported format", wholeRun.Stderr);

        var resumed = Path.Combine(Folder, "resumed");
        long journaled = KillOnceJournaled(input, resumed);
        Assert.InRange(journaled, 1, distinct - 1);
        Assert.Single(Directory.EnumerateFiles(resumed, "*.tarjama-tmp", SearchOption.AllDirectories)); // a.txt, half written
        File.Move(Path.Combine(input, "a.txt"), Path.Combine(input, "z.txt")); // renamed: the rerun writes another file
        File.WriteAllText(Path.Combine(resumed, "z.txt.partial"), "the user's"); // named as temporary files once were
        var rerun = CliRunner.Run([], Args(input, resumed));
        var (translated, reused) = Summary(rerun.Stderr);
        Assert.True(reused >= journaled, $"{reused} reused, {journaled} journaled before the kill");
        Assert.Equal(distinct - journaled, translated); // nothing journaled went to the engine again
        Assert.Equal(distinct, JournalCount(resumed));
        foreach (var file in new[] { "a.txt", Path.Combine("sub", "b.md"), Path.Combine("sub", "c.html") })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole, file)), File.ReadAllText(Path.Combine(resumed, file.Replace("a.txt", "z.txt"))));
        }
        Assert.Empty(Directory.EnumerateFiles(resumed, "*.tarjama-tmp", SearchOption.AllDirectories));
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(resumed, "z.txt.partial")));
    }

    [Fact]
    public void A_folder_run_translates_xml_xliff_and_word_files_as_a_single_file_run_does()
    {
        // Before: --input's help said "every txt, md and html file", and the run skipped XML, XLIFF and Word files.
        var input = Path.Combine(Folder, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "d.xml"), "<?xml version=\"1.0\"?><story><title>زيارة الرئيس</title><p>قال الرئيس إن الزيارة مهمة.</p></story>");
        File.WriteAllText(Path.Combine(input, "e.xlf"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar">
              <file id="f1"><unit id="u1"><segment><source>قال الرئيس إن الزيارة مهمة.</source></segment></unit></file>
            </xliff>
            """);
        File.WriteAllBytes(Path.Combine(input, "f.docx"), Documents.DocxFixture.Story(rightToLeft: true));
        File.WriteAllText(Path.Combine(input, "g.pdf"), "%PDF");
        var output = Path.Combine(Folder, "out");

        var run = CliRunner.Run([], Args(input, output));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("tarjama: 3 files translated, 1 skipped, 0 failed", run.Stderr);
        Assert.Contains("skipped g.pdf: not a supported format (txt, md, html, xml, xlf, docx)", run.Stderr);
        foreach (var file in new[] { "d.xml", "e.xlf" })
        {
            var alone = CliRunner.Run([], ["translate", "-m", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "24", "-i", Path.Combine(input, file)]);
            Assert.Equal(alone.Stdout, File.ReadAllText(Path.Combine(output, file)));
        }
        Assert.Contains("<target>", File.ReadAllText(Path.Combine(output, "e.xlf")));
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(output, "f.docx"))[..2]); // a Word document still
    }

    [Fact]
    public void Format_applies_to_a_folders_text_files_and_a_word_file_stays_one()
    {
        var input = Path.Combine(Folder, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "# زيارة الرئيس\n\nقال الرئيس إن الزيارة مهمة.\n");
        File.WriteAllBytes(Path.Combine(input, "f.docx"), Documents.DocxFixture.Story(rightToLeft: true));
        var output = Path.Combine(Folder, "out");

        var run = CliRunner.Run([], [.. Args(input, output), "--format", "markdown"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("tarjama: 2 files translated, 0 skipped, 0 failed", run.Stderr);
        Assert.StartsWith("# ", File.ReadAllText(Path.Combine(output, "a.txt")));   // read as Markdown: its heading kept
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(output, "f.docx"))[..2]);
    }

    [Fact]
    public void A_folder_without_an_output_folder_or_with_bilingual_output_is_a_one_line_error()
    {
        var input = MakeInput();
        var noOutput = CliRunner.Run([], "translate", "-m", Fixtures.ReferenceModel, "-i", input);
        Assert.Equal((2, "tarjama: error: a folder input needs an output folder (-o)\n"), (noOutput.ExitCode, noOutput.Stderr));
        var bilingual = CliRunner.Run([], "translate", "-m", Fixtures.ReferenceModel, "-i", input, "-o", Path.Combine(Folder, "out"), "--bilingual", "jsonl");
        Assert.Equal(2, bilingual.ExitCode);
        Assert.Contains("--bilingual writes one file", bilingual.Stderr);
    }

    [Fact]
    public void A_damaged_journal_stops_the_run_with_one_line_naming_it()
    {
        var input = MakeInput();
        var output = Path.Combine(Folder, "out");
        Directory.CreateDirectory(output);
        var journal = Path.Combine(output, FolderTranslator.JournalName);
        using (var made = new TranslationJournal(journal))
        {
            made.Record(Enumerable.Range(0, 500).Select(i => KeyValuePair.Create(SegmentKey.Of("model", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "text")));
        }
        SqliteConnection.ClearAllPools();
        // The schema (page 1) is whole, so the journal opens; every page of its table is garbage.
        var bytes = File.ReadAllBytes(journal);
        Assert.True(bytes.Length > 3 * 4096);
        Array.Fill(bytes, (byte)0xff, 4096, bytes.Length - 4096);
        File.WriteAllBytes(journal, bytes);

        // Before: "tarjama: internal error: SqliteException: ..." and exit code 70.
        var run = CliRunner.Run([], Args(input, output));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"tarjama: error: {journal}: cannot read the translation journal (SQLite Error 11: 'database disk image is malformed'.; " +
            "the file is damaged: delete it, and what it held is translated again)\n", run.Stderr);
    }

    [Fact]
    public void A_second_run_into_an_output_folder_in_use_stops_at_once_with_one_line()
    {
        var input = MakeInput();
        var output = Path.Combine(Folder, "out");
        Directory.CreateDirectory(output);
        // Held as a running `translate -i … -o out` holds it. Before, the second run translated everything again and
        // failed file after file ("Could not find file '….partial'") as the two renamed each other's files.
        using (new FileStream(Path.Combine(output, FolderTranslator.LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var second = CliRunner.Run([], Args(input, output));
            Assert.Equal((2, $"tarjama: error: {output}: the output folder is in use by another run (wait for it to finish, or give this one another -o)\n"),
                (second.ExitCode, second.Stderr));
            Assert.Equal([FolderTranslator.LockName], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        }
        var after = CliRunner.Run([], Args(input, output)); // released: the run goes ahead (bad.txt fails, as always)
        Assert.StartsWith("tarjama: 3 files translated, 1 skipped, 1 failed", after.Stderr);
    }

    [Fact]
    public async Task Ctrl_C_stops_a_folder_run_after_the_chunk_in_hand_and_says_how_to_go_on()
    {
        var input = Path.Combine(Folder, "in");
        Directory.CreateDirectory(input);
        // Tens of seconds of work: the interrupt lands mid-run however late a busy test host looks.
        File.WriteAllText(Path.Combine(input, "long.txt"), RedisFleet.Document(4000));
        var output = Path.Combine(Folder, "out");
        using var process = CliRunner.Start(new Dictionary<string, string>(), Args(input, output));
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2) && JournalCount(output) == 0)
        {
            Thread.Sleep(20);
        }
        Assert.False(process.HasExited, "the run finished before it could be interrupted");
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            interrupt.WaitForExit();
        }
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the run did not stop");
        // Before: the first Ctrl-C was taken and ignored, and the run went on to the end (exit 0).
        Assert.Equal((130, $"tarjama: interrupted: the files and segments finished are kept in {output}; the same command goes on from there\n"),
            (process.ExitCode, await stderr));
        Assert.InRange(JournalCount(output), 1, 3999);
        Assert.Empty(Directory.EnumerateFiles(output, "*.txt*"));
    }

    private string MakeInput()
    {
        var input = Path.Combine(Folder, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        var lines = File.ReadAllLines(Fixtures.Document("ntrex128-sample.ar.txt"));
        File.WriteAllLines(Path.Combine(input, "a.txt"), lines);
        File.WriteAllText(Path.Combine(input, "sub", "b.md"), "# " + string.Join("\n\n", lines.Take(40).Reverse()) + "\n");
        File.WriteAllText(Path.Combine(input, "sub", "c.html"), "<html lang=\"ar\"><body>" + string.Concat(lines.Skip(40).Take(40).Select(l => $"<p>{l}</p>")) + "</body></html>");
        File.WriteAllText(Path.Combine(input, "notes.pdf"), "%PDF");
        File.WriteAllBytes(Path.Combine(input, "bad.txt"), [0xff, 0xfe, 0x41, 0x00]);
        return input;
    }

    private static string[] Args(string input, string output) =>
        ["translate", "-m", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "24", "--batch-size", "2", "-i", input, "-o", output];

    /// <summary>Starts the run and kills it (SIGKILL) as soon as its journal holds a finished chunk; the journal's count then.</summary>
    private static long KillOnceJournaled(string input, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tarjama.Cli.dll"));
        foreach (var arg in Args(input, output))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2) && JournalCount(output) == 0)
        {
            Thread.Sleep(20);
        }
        Assert.False(process.HasExited, "the run finished before it could be killed");
        process.Kill(); // SIGKILL: no handler runs
        process.WaitForExit();
        return JournalCount(output);
    }

    private static long JournalCount(string output)
    {
        var path = Path.Combine(output, FolderTranslator.JournalName);
        if (!File.Exists(path))
        {
            return 0;
        }
        using var journal = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        journal.Open();
        using var command = journal.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM translations";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // created but its table not yet
        }
    }

    private static (int Translated, int Reused) Summary(string stderr)
    {
        var match = System.Text.RegularExpressions.Regex.Match(stderr, @"\((\d+) translated now, (\d+) from the journal\)");
        Assert.True(match.Success, stderr);
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }
}
