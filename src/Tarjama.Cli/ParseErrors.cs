using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

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
            : NotANumber(parse.Errors[0]) ?? string.Join(" ", parse.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var commands = new List<string>();
        for (var result = parse.CommandResult; result.Parent is not null; result = (CommandResult)result.Parent)
        {
            commands.Insert(0, result.Command.Name);
        }
        error.WriteLine($"tarjama: error: {message} (see: tarjama {string.Join(' ', [.. commands, "--help"])})");
        return CommandGuard.UserError;
    }

    /// <summary>A numeric option given a word, or a number too big for its type, said in words rather than as the parser's
    /// "as expected type 'System.Nullable`1[System.Int32]'"; null for any other error.</summary>
    private static string? NotANumber(ParseError error)
    {
        if (error.SymbolResult is not OptionResult { Option: var option } result)
        {
            return null;
        }
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        Func<string, bool>? parses = type == typeof(int) ? text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(long) ? text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type == typeof(float) || type == typeof(double) ? text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            : null;
        if (parses is null || result.Tokens.FirstOrDefault(token => !parses(token.Value)) is not { Value: var bad })
        {
            return null;
        }
        bool whole = type == typeof(int) || type == typeof(long);
        return whole && BigInteger.TryParse(bad, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? $"{option.Name} takes a smaller number (got {bad})"
            : $"{option.Name} takes {(whole ? "a whole number" : "a number")} (got '{bad}')";
    }
}
