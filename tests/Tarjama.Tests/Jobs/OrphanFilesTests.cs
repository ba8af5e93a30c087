using System.Diagnostics;
using System.Text;
using Tarjama.Jobs;
using Tarjama.Tests.Cli;

namespace Tarjama.Tests.Jobs;

/// <summary>Files a run killed with SIGKILL leaves behind are removed by the next run, and only those: never a user's
/// file, however it is named, nor one another live run is writing.</summary>
public sealed class OrphanFilesTests : TempFolderTest
{
    private static string Orphan(string target) => $".{target}.{Guid.NewGuid():N}.tarjama-tmp";

    [Fact]
    public void Only_temporary_files_that_no_live_process_holds_are_removed()
    {
        string orphan = Orphan("a.txt"), otherTarget = Orphan("c.txt");
        string[] users = ["a.txt.partial", ".a.txt.tarjama-tmp", ".a.txt.draft.tarjama-tmp", $"a.txt.{Guid.NewGuid():N}.tarjama-tmp", $".a.txt.{Guid.NewGuid():N}.tarjama-tmp.bak"];
        foreach (var name in users.Append(orphan).Append(otherTarget))
        {
            File.WriteAllText(Path.Combine(Folder, name), "text"); // as a killed run leaves it: written, no process holding it
        }
        using var live = TemporaryFiles.Create(Path.Combine(Folder, "a.txt"), out string livePath);

        Assert.Equal(1, TemporaryFiles.RemoveOrphans(Folder, Path.Combine(Folder, "a.txt")));
        Assert.False(File.Exists(Path.Combine(Folder, orphan)));
        Assert.True(File.Exists(Path.Combine(Folder, otherTarget)), "another target's file waits for a run writing that target");
        Assert.Equal(1, TemporaryFiles.RemoveOrphans(Folder));
        Assert.Equal([.. users.Order(StringComparer.Ordinal)], Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Where(name => name != Path.GetFileName(livePath)).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(livePath), "a file another run is writing stays");
    }

    [Fact]
    public void A_jobs_folder_opened_after_a_kill_removes_the_result_being_written_and_inputs_of_jobs_never_stored()
    {
        string kept;
        using (var store = new JobStore(Folder))
        {
            kept = store.Add(new JobSpec { Owner = "me", Kind = JobKind.Document, Name = "a.txt", SourceLanguage = "ar", TargetLanguage = "en", Model = "m" }, "نص"u8).Id;
        }
        var files = Path.Combine(Folder, "files");
        string stranger = Guid.NewGuid().ToString("N");
        string[] orphans = [Orphan($"{kept}.result"), $"{stranger}.input", $"{stranger}.result"];
        string[] users = ["notes.txt", $"{kept}.result.partial", $"{stranger}.input.bak"];
        foreach (var name in orphans.Concat(users))
        {
            File.WriteAllText(Path.Combine(files, name), "text");
        }

        using (new JobStore(Folder))
        {
            Assert.Equal([.. users.Append($"{kept}.input").Order(StringComparer.Ordinal)], Directory.EnumerateFiles(files).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_translate_run_killed_while_writing_leaves_a_temporary_file_the_next_run_into_that_file_removes()
    {
        var input = Path.Combine(Folder, "long.txt");
        File.WriteAllText(input, RedisFleet.Document(400));
        var output = Path.Combine(Folder, "out.txt");
        File.WriteAllText(Path.Combine(Folder, "out.txt.partial"), "the user's");
        using (var process = CliRunner.Start(new Dictionary<string, string>(), ["translate", "-m", Fixtures.ReferenceModel, "--beams", "1", "-i", input, "-o", output]))
        {
            var deadline = Stopwatch.StartNew();
            while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2) && !Temporaries().Any())
            {
                Thread.Sleep(20);
            }
            Assert.False(process.HasExited, "the run finished before it could be killed");
            process.Kill(); // SIGKILL: no handler runs
            process.WaitForExit();
        }
        Assert.Single(Temporaries());

        var next = CliRunner.Run(Encoding.UTF8.GetBytes("مرحبا\n"), "translate", "-m", Fixtures.ReferenceModel, "--beams", "1", "--format", "text", "-o", output);
        Assert.Equal(0, next.ExitCode);
        Assert.Empty(Temporaries());
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(Folder, "out.txt.partial")));
    }

    private IEnumerable<string> Temporaries() => Directory.EnumerateFiles(Folder, "*.tarjama-tmp");
}
