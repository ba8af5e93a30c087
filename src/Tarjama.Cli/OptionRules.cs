using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tarjama.Cli;

/// <summary>Refuses options that would do nothing in the combination given, with a line that says what works, instead of
/// silently ignoring them.</summary>
internal static class OptionRules
{
    /// <summary>Each of <paramref name="options"/>, when given, needs <paramref name="applies"/>; else the error is the option's
    /// name followed by <paramref name="why"/>.</summary>
    public static void OnlyWhen(this Command command, IEnumerable<Option> options, Func<CommandResult, bool> applies, string why)
    {
        var checkedOptions = options.ToList();
        command.Validators.Add(result =>
        {
            if (checkedOptions.FirstOrDefault(result.Given) is { } option && !applies(result))
            {
                result.AddError($"{option.Name} {why}");
            }
        });
    }

    /// <summary>True when the user typed the option (not when only its default applies).</summary>
    public static bool Given(this CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };
}
