using System.CommandLine;

namespace Tarjama.Cli;

/// <summary>A command line that does not parse (an unknown option, a bad value, a missing one): one line naming the first
/// problem and where help is, exit code 2; never the whole help.</summary>
internal static class ParseErrors
{
    public static int Report(ParseResult parse, TextWriter error)
    {
        // An unknown word first: it is usually why the rest (a missing command or option) went wrong.
        string message = parse.UnmatchedTokens.Count > 0
            ? $"unknown option or argument '{parse.UnmatchedTokens[0]}'"
            : string.Join(" ", parse.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var commands = new List<string>();
        for (var result = parse.CommandResult; result.Parent is not null; result = (System.CommandLine.Parsing.CommandResult)result.Parent)
        {
            commands.Insert(0, result.Command.Name);
        }
        error.WriteLine($"tarjama: error: {message} (see: tarjama {string.Join(' ', [.. commands, "--help"])})");
        return CommandGuard.UserError;
    }
}
