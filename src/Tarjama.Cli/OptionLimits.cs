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
        option.Validators.Add(result =>
        {
            if (Parsed<T>(result) is { } value)
            {
                Check(result, value, min, max);
            }
        });
        return option;
    }

    public static Option<T?> Within<T>(this Option<T?> option, T min, T max) where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (Parsed<T>(result) is { } value)
            {
                Check(result, value, min, max);
            }
        });
        return option;
    }

    /// <summary>-1 for no limit, or a number from 1 to <paramref name="max"/>: 0 would refuse everything.</summary>
    public static Option<int> WithinOrUnlimited(this Option<int> option, int max)
    {
        option.Validators.Add(result =>
        {
            if (Parsed<int>(result) is { } value and not -1 && (value < 1 || value > max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} takes -1 (no limit) or a number from 1 to {max} (got {value})"));
            }
        });
        return option;
    }

    // A value that is not a number at all already has its parse error; reading it would throw.
    private static T? Parsed<T>(OptionResult result) where T : struct, INumber<T>
    {
        try
        {
            return result.GetValueOrDefault<T?>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void Check<T>(OptionResult result, T value, T min, T max) where T : struct, INumber<T>
    {
        if (!T.IsFinite(value) || value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} takes a number from {min} to {max} (got {value})"));
        }
    }
}
