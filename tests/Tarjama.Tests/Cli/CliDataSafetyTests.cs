using System.Diagnostics;
using System.Globalization;

namespace Tarjama.Tests.Cli;

/// <summary>The CLI never loses the user's data: an output that is the input is refused whichever way it is named, files
/// are replaced whole, Ctrl+C keeps what was finished, and a full disk or a missing folder is one line and exit 2.</summary>
public sealed class CliDataSafetyTests : IDisposable
{
    private static readonly string[] Fast = ["-m", Fixtures.ReferenceModel, "--sentences", "--beams", "1", "--max-new-tokens", "6"];
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-cli-").FullName;
    private readonly string _input;

    public CliDataSafetyTests()
    {
        _input = Path.Combine(_folder, "a.txt");
        File.WriteAllLines(_input, Fixtures.Lines("reference-golden", "inputs_ar_50.txt").Take(5));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("same path")]
    [InlineData("symlink")]
    [InlineData("hard link")]
    public void An_output_that_is_the_input_is_refused_and_the_input_kept(string how)
    {
        string output = Path.Combine(_folder, "b.txt");
        switch (how)
        {
            case "same path":
                output = _input;
                break;
            case "symlink":
                File.CreateSymbolicLink(output, _input);
                break;
            default:
                using (var ln = Process.Start("ln", [_input, output]))
                {
                    ln.WaitForExit();
                    Assert.Equal(0, ln.ExitCode);
                }
                break;
        }
        string before = File.ReadAllText(_input);
        var result = CliRunner.Run("", ["translate", .. Fast, "-i", _input, "-o", output]);
        AssertOneError(result, "is the input");
        Assert.Equal(before, File.ReadAllText(_input));
    }

    [Theory]
    [InlineData("-o", "< {0}")]
    [InlineData("-i", ">> {0}")]
    public void A_shell_redirection_of_the_input_file_is_refused(string option, string redirection)
    {
        string before = File.ReadAllText(_input);
        var result = CliRunner.RunRedirected(string.Format(CultureInfo.InvariantCulture, redirection, _input), ["translate", .. Fast, option, _input]);
        AssertOneError(result, "input");
        Assert.Equal(before, File.ReadAllText(_input));
    }

    [Theory]
    [InlineData("tm", "same path")]
    [InlineData("tm", "symlink")]
    [InlineData("tm", "redirection")]
    [InlineData("glossary", "same path")]
    [InlineData("glossary", "symlink")]
    public void An_export_over_the_file_it_reads_is_refused_and_the_file_kept(string command, string how)
    {
        string read = Path.Combine(_folder, command == "tm" ? "desk.tm" : "names.tsv");
        if (command == "tm")
        {
            string pairs = Path.Combine(_folder, "pairs.jsonl");
            File.WriteAllText(pairs, "{\"source\": \"مرحبا\", \"target\": \"hello\"}\n");
            Assert.Equal(0, CliRunner.Run("", "tm", "add", read, pairs).ExitCode);
        }
        else
        {
            File.WriteAllText(read, "الشرع\tal-Shara\n");
        }
        string output = read;
        if (how == "symlink")
        {
            output = Path.Combine(_folder, "link");
            File.CreateSymbolicLink(output, read);
        }
        byte[] before = File.ReadAllBytes(read);
        var result = how == "redirection"
            ? CliRunner.RunRedirected($">> '{read}'", command, "export", read)
            : CliRunner.Run("", command, "export", read, "-o", output);
        AssertOneError(result, "is the input");
        Assert.Equal(before, File.ReadAllBytes(read));
    }

    [Fact]
    public void An_output_file_is_replaced_whole_and_left_as_it_was_when_nothing_was_translated()
    {
        string output = Path.Combine(_folder, "out.txt");
        File.WriteAllText(output, "an earlier translation\n");
        File.WriteAllBytes(Path.Combine(_folder, "bad.txt"), [0xFF, (byte)'\n']);
        var failed = CliRunner.Run("", ["translate", .. Fast, "-i", Path.Combine(_folder, "bad.txt"), "-o", output]);
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal("an earlier translation\n", File.ReadAllText(output));

        var done = CliRunner.Run("", ["translate", .. Fast, "-i", _input, "-o", output]);
        Assert.Equal(0, done.ExitCode);
        Assert.Equal(5, File.ReadAllLines(output).Length);
        Assert.Equal(["a.txt", "bad.txt", "out.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_output_through_a_symlink_writes_the_file_it_points_to()
    {
        string real = Path.Combine(_folder, "real.txt"), link = Path.Combine(_folder, "link.txt");
        File.WriteAllText(real, "old\n");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(0, CliRunner.Run("", ["translate", .. Fast, "-i", _input, "-o", link]).ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(5, File.ReadAllLines(real).Length);
    }

    [Theory]
    [InlineData("/dev/full", "No space left on device")]
    [InlineData("missing-folder/out.txt", "its folder does not exist")]
    public void An_unwritable_output_is_one_line_and_exit_2(string output, string why)
    {
        string path = output.StartsWith('/') ? output : Path.Combine(_folder, output);
        AssertOneError(CliRunner.Run("", ["translate", .. Fast, "-i", _input, "-o", path]), why);
        AssertOneError(CliRunner.RunRedirected("> /dev/full", ["translate", .. Fast, "-i", _input]), "standard output: cannot write it");
    }

    [Fact]
    public void Files_are_checked_before_the_model_is_looked_for()
    {
        var offline = new Dictionary<string, string> { ["HF_HUB_OFFLINE"] = "1", ["HF_HUB_CACHE"] = Path.Combine(_folder, "empty-cache") };
        AssertOneError(CliRunner.Run([], offline, "translate", "-m", "opus-mt-ar-en", "-i", Path.Combine(_folder, "missing.txt")), "missing.txt: cannot read it");
        AssertOneError(CliRunner.Run([], offline, "translate", "-m", "opus-mt-ar-en", "-i", _input, "-o", Path.Combine(_folder, "no", "x.txt")), "its folder does not exist");
    }

    [Fact]
    public async Task Ctrl_c_writes_the_finished_lines_says_how_far_it_got_and_exits_130()
    {
        File.WriteAllLines(_input, Enumerable.Range(0, 20_000).Select(i => $"مرحبا بكم في الخبر رقم {i}"));
        using var process = CliRunner.Start(new Dictionary<string, string>(), ["translate", "-m", Fixtures.ReferenceModel, "--sentences", "--beams", "1", "--max-new-tokens", "20", "-i", _input]);
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.NotNull(process.StandardOutput.ReadLine());
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        string rest = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the CLI did not stop");
        Assert.Equal(130, process.ExitCode);
        Assert.EndsWith("\n", rest);
        int written = rest.Split('\n').Length; // the line read above, and the final newline
        Assert.InRange(written, 64, 19_999);
        Assert.Equal($"tarjama: interrupted: {written:#,0} lines translated; what was finished is written to standard output", (await stderr).Trim());
    }

    private static void AssertOneError(CliRunner.Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("tarjama: error: ", line);
        Assert.Contains(expected, line);
    }
}
