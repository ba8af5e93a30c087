using System.CommandLine;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary><c>--from</c> and <c>--to</c> for commands that read or write one language pair of files without a model
/// (<c>tm add|export</c>, <c>glossary export</c>): each a language code (<see cref="LanguageCodes.IsWellFormed"/>), and
/// two languages, not one (<c>ar</c> and <c>ar-EG</c> are one, as the memory stores them).</summary>
internal static class LanguageOptions
{
    public static (Option<string> From, Option<string> To) AddTo(Command command)
    {
        var from = Code(new Option<string>("--from") { Description = "The source language (ar, arb, ar-EG, arb_Arab...)", DefaultValueFactory = _ => "ar" });
        var to = Code(new Option<string>("--to") { Description = "The target language (en, eng, en-GB, eng_Latn...)", DefaultValueFactory = _ => "en" });
        command.Options.Add(from);
        command.Options.Add(to);
        command.Validators.Add(result =>
        {
            if (result.GetValue(from) is { } source && result.GetValue(to) is { } target
                && LanguageCodes.IsWellFormed(source) && LanguageCodes.IsWellFormed(target) && LanguageCodes.Same(source, target))
            {
                result.AddError($"--from {source} and --to {target} are the same language: give the pair's two languages");
            }
        });
        return (from, to);
    }

    /// <summary><c>--from</c> and <c>--to</c> for commands that run a model (<c>translate</c>, <c>bench</c>, <c>eval</c>):
    /// the direction asked of it, by default the model's own; the model checks the codes it is given.</summary>
    public static (Option<string?> From, Option<string?> To) ModelDirection() =>
        (new Option<string?>("--from") { Description = "The source language [default: the model's]" },
         new Option<string?>("--to") { Description = "The target language [default: the model's]" });

    private static Option<string> Code(Option<string> option)
    {
        option.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string?>() ?? "";
            if (!LanguageCodes.IsWellFormed(value))
            {
                result.AddError($"{result.Option.Name} takes a language code such as ar, arb, ar-EG or arb_Arab (got '{value}')");
            }
        });
        return option;
    }
}
