using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace Tarjama.Cli;

/// <summary>Bounds for every number a user gives: a value outside them (or NaN, or infinity) is a parse error, one line
/// naming the option and the range. <c>new Option&lt;int?&gt;("--n-best").Within(1, 16)</c>.</summary>
internal static class OptionLimits
{
    public static Option<T> Within<T>(this Option<T> option, T min, T max) where T : struct, INumber<T>
    {
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<T>(), min, max));
        return option;
    }

    public static Option<T?> Within<T>(this Option<T?> option, T min, T max) where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T?>() is { } value)
            {
                Check(result, value, min, max);
            }
        });
        return option;
    }

    private static void Check<T>(OptionResult result, T value, T min, T max) where T : struct, INumber<T>
    {
        if (!T.IsFinite(value) || value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} takes a number from {min} to {max} (got {value})"));
        }
    }
}
