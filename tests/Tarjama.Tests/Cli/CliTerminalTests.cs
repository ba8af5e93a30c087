using System.Text;
using System.Text.RegularExpressions;

namespace Tarjama.Tests.Cli;

/// <summary>What the CLI shows on a terminal (a pseudo-terminal from util-linux <c>script</c>): a progress line with the
/// rate and the time left that never mixes with the translation, and one summary line at the end; and nothing but the
/// output when not on a terminal.</summary>
public sealed partial class CliTerminalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-terminal-").FullName;
    private readonly string _input;
    private readonly string[] _lines = Enumerable.Range(0, 400).Select(i => $"مرحبا بكم في الخبر رقم {i}").ToArray();

    public CliTerminalTests()
    {
        _input = Path.Combine(_folder, "in.txt");
        File.WriteAllLines(_input, _lines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Translate(params string[] extra) =>
        ["translate", "-m", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "6", "-i", _input, .. extra];

    [Fact]
    public void Sentences_to_the_terminal_show_progress_apart_from_the_output_then_a_summary()
    {
        var expected = CliRunner.Run("", Translate("--sentences")).Stdout.TrimEnd('\n').Split('\n');
        var result = CliRunner.RunOnTerminal(Translate("--sentences"));
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(RateAndTimeLeft(), result.Stdout);
        var screen = Screen(result.Stdout);
        Assert.Equal(expected, screen[..^1]);
        Assert.Matches(@"^tarjama: translated 400 lines in \d+\.\d s \([\d,.]+ lines/s\) into standard output; qa: .+$", screen[^1]);
    }

    [Fact]
    public void A_document_into_a_file_leaves_only_the_summary_on_the_terminal()
    {
        string output = Path.Combine(_folder, "out.txt");
        var result = CliRunner.RunOnTerminal(Translate("--format", "text", "-o", output));
        Assert.Equal(0, result.ExitCode);
        var screen = Assert.Single(Screen(result.Stdout));
        Assert.Matches($@"^tarjama: translated [\d,]+ segments in \d+\.\d s \([\d,.]+ segments/s\) into {Regex.Escape(output)}; qa: .+$", screen);
        Assert.Equal(400, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void Eval_shows_its_progress_on_the_terminal_only()
    {
        string reference = Path.Combine(_folder, "ref.txt");
        File.WriteAllLines(reference, _lines.Select(l => "welcome to the news"));
        string[] eval = ["eval", "--model", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "6", "--src", _input, "--ref", reference, "--json"];
        var onTerminal = CliRunner.RunOnTerminal(eval);
        Assert.Equal(0, onTerminal.ExitCode);
        Assert.Contains("sentences/s", onTerminal.Stdout);
        var piped = CliRunner.Run("", eval);
        Assert.Equal(0, piped.ExitCode);
        Assert.Equal("", piped.Stderr);
    }

    [Fact]
    public void Nothing_but_the_output_when_not_on_a_terminal()
    {
        var result = CliRunner.Run("", Translate("--sentences"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(400, result.Stdout.TrimEnd('\n').Split('\n').Length);
    }

    /// <summary>The lines a terminal shows after receiving <paramref name="received"/>, blank ones included: carriage
    /// returns go back to the start of the line, ESC[K erases to its end, other escape sequences change nothing seen.</summary>
    private static string[] Screen(string received)
    {
        var lines = new List<StringBuilder> { new() };
        int column = 0;
        for (int i = 0; i < received.Length; i++)
        {
            var line = lines[^1];
            switch (received[i])
            {
                case '\r':
                    column = 0;
                    break;
                case '\n':
                    lines.Add(new StringBuilder());
                    column = 0;
                    break;
                case '\u001b':
                    var escape = EscapeSequence().Match(received, i);
                    if (escape.Value == "\u001b[K")
                    {
                        line.Length = Math.Min(line.Length, column);
                    }
                    i += escape.Length - 1;
                    break;
                default:
                    if (column < line.Length)
                    {
                        line[column] = received[i];
                    }
                    else
                    {
                        line.Append(received[i]);
                    }
                    column++;
                    break;
            }
        }
        return [.. lines.Select(l => l.ToString()).SkipLast(lines[^1].Length == 0 ? 1 : 0)];
    }

    [GeneratedRegex(@"\G\u001b(\[[?0-9;]*[A-Za-z]|[=>])")]
    private static partial Regex EscapeSequence();

    [GeneratedRegex(@"\d+ lines  [\d,.]+ lines/s  \d+:\d\d left")]
    private static partial Regex RateAndTimeLeft();
}
