using System.CommandLine;
using System.Text.RegularExpressions;
using Tarjama.Cli;

namespace Tarjama.Tests.Documentation;

/// <summary>Every <c>./tarjama</c> command line the documentation shows parses as the CLI reads it, and every option
/// it names (`--format md|markdown|...`, tables of options) is one the CLI has, with the values said: a renamed or
/// removed option, or a value no longer taken, fails here rather than in a reader's terminal.</summary>
public partial class DocumentedCommandLinesTests
{
    public static TheoryData<string, string> CommandLines()
    {
        var lines = new TheoryData<string, string>();
        string pending = "";
        foreach (var (where, line) in UserDocs.FencedLines("bash"))
        {
            // A line ending in \ goes on on the next one.
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = pending + line;
            pending = "";
            int start = whole.IndexOf("./tarjama ", StringComparison.Ordinal);
            if (start >= 0 && !whole.Contains('$', StringComparison.Ordinal)) // a script's loop ($d): its values are the shell's
            {
                lines.Add(where, whole[(start + "./tarjama ".Length)..]);
            }
        }
        return lines;
    }

    /// <summary>Inline ones: `tarjama tm add MEMORY FILE... [--from ar --to en]`, `./tarjama serve --help`.</summary>
    public static TheoryData<string, string> InlineCommandLines()
    {
        var lines = new TheoryData<string, string>();
        foreach (var (where, code) in UserDocs.InlineCode().Distinct())
        {
            if (InlineCommand().Match(code) is { Success: true } command)
            {
                lines.Add(where, command.Groups[1].Value);
            }
        }
        return lines;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_command_line_in_a_code_block_parses(string where, string line) =>
        AssertParses(where, line, requiredGiven: true);

    [Theory]
    [MemberData(nameof(InlineCommandLines))]
    public void A_command_line_in_the_prose_parses(string where, string line) =>
        AssertParses(where, line, requiredGiven: false); // prose may name a command without its required options

    public static TheoryData<string, string> NamedOptions()
    {
        var options = new TheoryData<string, string>();
        foreach (var (where, code) in UserDocs.InlineCode().Distinct())
        {
            if (OptionSpan().IsMatch(code))
            {
                options.Add(where, code);
            }
        }
        return options;
    }

    /// <summary>`--name`, `-m`, or `--name a|b|c` (every value taken).</summary>
    [Theory]
    [MemberData(nameof(NamedOptions))]
    public void An_option_named_in_the_prose_exists_with_the_values_it_is_said_to_take(string where, string code)
    {
        var match = OptionSpan().Match(code);
        string name = match.Groups[1].Value;
        var commands = CommandsWith(name);
        Assert.True(commands.Count > 0, $"{where}: no tarjama command has {name}");
        if (ValueList().IsMatch(match.Groups[2].Value))
        {
            foreach (var value in match.Groups[2].Value.Replace("\\|", "|").Split('|'))
            {
                Assert.True(commands.Any(path => ParseErrors([.. path, name, value], requiredGiven: false).Count == 0),
                    $"{where}: no command with {name} takes {value}");
            }
        }
    }

    /// <summary>The other way round: no option is left for users to find in --help alone.</summary>
    [Fact]
    public void Every_option_of_every_command_is_named_in_the_docs()
    {
        string docs = string.Concat(UserDocs.Files.Select(UserDocs.Read));
        var undocumented = new List<string>();
        void Visit(Command command, string path)
        {
            undocumented.AddRange(command.Options.Where(o => o is not (System.CommandLine.Help.HelpOption or VersionOption) && !o.Aliases.Append(o.Name).Any(name => docs.Contains(name + ' ', StringComparison.Ordinal) || docs.Contains(name + '`', StringComparison.Ordinal)))
                .Select(o => $"{path} {o.Name}"));
            foreach (var sub in command.Subcommands)
            {
                Visit(sub, $"{path} {sub.Name}");
            }
        }
        Visit(CliRoot.Create(), "tarjama");
        Assert.Empty(undocumented);
    }

    /// <summary>A table whose first column lists options documents one command's; each is that command's.</summary>
    [Theory]
    [InlineData("docs/server.md", "serve")]
    [InlineData("docs/documents.md", "translate")]
    [InlineData("docs/evaluation.md", "eval")]
    public void An_option_table_lists_options_of_its_command(string file, string command)
    {
        var rows = Regex.Matches(UserDocs.Read(file), @"^\| (`-[^|]*)\|", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        var options = CliRoot.Create().Subcommands.Single(c => c.Name == command).Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();
        foreach (Match row in rows)
        {
            foreach (Match option in Regex.Matches(row.Groups[1].Value, @"`(--?[a-z][a-z0-9-]*)"))
            {
                Assert.True(options.Contains(option.Groups[1].Value), $"{file}: {command} has no {option.Groups[1].Value}");
            }
        }
    }

    /// <summary>serve's table says options' defaults (`5000`, `*`; a folder is described, not tested); serve has them.</summary>
    [Fact]
    public void The_serve_option_table_gives_the_defaults_serve_has()
    {
        var serve = CliRoot.Create().Subcommands.Single(c => c.Name == "serve");
        var rows = Regex.Matches(UserDocs.Read("docs/server.md"), @"^\| `(--[a-z-]+)[^|]*\| `([-0-9.*]+)` \|", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        foreach (Match row in rows)
        {
            var option = serve.Options.Single(o => o.Name == row.Groups[1].Value);
            // Without a default of its own an option is its type's default (0: none).
            var value = option.HasDefaultValue ? option.GetDefaultValue() : option.ValueType.IsValueType ? Activator.CreateInstance(option.ValueType) : null;
            string actual = value switch
            {
                string text => text,
                System.Collections.IEnumerable values => string.Join(",", values.Cast<object>()),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            Assert.True(row.Groups[2].Value == actual, $"docs/server.md: {option.Name} defaults to {row.Groups[2].Value}, serve to {actual}");
        }
    }

    private static void AssertParses(string where, string line, bool requiredGiven)
    {
        var errors = ParseErrors(ShellWords(line), requiredGiven);
        Assert.True(errors.Count == 0, $"{where}: tarjama {line}\n{string.Join("\n", errors)}");
    }

    private static List<string> ParseErrors(IReadOnlyList<string> args, bool requiredGiven) =>
        [.. CliRoot.Create().Parse(args).Errors.Select(e => e.Message)
            .Where(message => requiredGiven || !(message.Contains("is required", StringComparison.Ordinal) || message.StartsWith("Required argument", StringComparison.Ordinal)))];

    /// <summary>The command paths (["models", "pull"]) that have option <paramref name="name"/>.</summary>
    private static List<string[]> CommandsWith(string name)
    {
        var found = new List<string[]>();
        void Visit(Command command, string[] path)
        {
            if (command.Options.Any(o => o.Name == name || o.Aliases.Contains(name)))
            {
                found.Add(path);
            }
            foreach (var sub in command.Subcommands)
            {
                Visit(sub, [.. path, sub.Name]);
            }
        }
        Visit(CliRoot.Create(), []);
        return found;
    }

    /// <summary>The words a shell would pass, up to a comment, pipe or redirection; placeholders' brackets
    /// (`[--revision REV]`, `[MODEL]`) dropped.</summary>
    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        foreach (Match word in ShellWord().Matches(line))
        {
            string text = word.Value;
            if (text is "#" or "|" or ">" or ">>" or "<" or "&&" or ";" || text.StartsWith('#') || text.StartsWith('>') || text.StartsWith("2>", StringComparison.Ordinal) || text.EndsWith(';'))
            {
                break;
            }
            text = Regex.Replace(text, @"^'(.*)'$|^""(.*)""$", "$1$2").Replace("[", "").Replace("]", "");
            if (text.Length > 0)
            {
                words.Add(text);
            }
        }
        return words;
    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""|[^\s]+")]
    private static partial Regex ShellWord();

    [GeneratedRegex(@"^(?:\./)?tarjama ((?:[a-z]|-).*)$")]
    private static partial Regex InlineCommand();

    /// <summary>`--name`, `--name VALUE`, or `-x` alone (`-f text` is sacreBLEU's, not ours).</summary>
    [GeneratedRegex(@"^(--[a-z][a-z0-9-]*(?=$|[ =])|-[a-zA-Z]$)[ =]?(.*)")]
    private static partial Regex OptionSpan();

    [GeneratedRegex(@"^[a-z0-9.+]+(?:\\?\|[a-z0-9.+]+)+$")]
    private static partial Regex ValueList();
}
