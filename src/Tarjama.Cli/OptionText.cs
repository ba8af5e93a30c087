using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tarjama.Cli;

/// <summary>Text options that mean nothing empty: an empty or blank value is a parse error, one line naming the option
/// and what it takes (<c>--verbatim takes text to keep (got '')</c>), as a number out of bounds is.</summary>
internal static class OptionText
{
    public static Option<string[]> NotBlank(this Option<string[]> option, string what)
    {
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<string[]?>() ?? [], what));
        return option;
    }

    public static Option<string> NotBlank(this Option<string> option, string what)
    {
        option.Validators.Add(result => Check(result, [result.GetValueOrDefault<string?>() ?? ""], what));
        return option;
    }

    private static void Check(OptionResult result, string[] values, string what)
    {
        if (values.FirstOrDefault(string.IsNullOrWhiteSpace) is { } blank)
        {
            result.AddError($"{result.Option.Name} takes {what} (got '{blank}')");
        }
    }
}
