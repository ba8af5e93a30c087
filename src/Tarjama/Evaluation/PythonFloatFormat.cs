using System.Globalization;
using System.Numerics;

namespace Tarjama.Evaluation;

/// <summary>Python's <c>f"{x:.Nf}"</c>: rounds the exact binary value half to even, as sacreBLEU's printed scores do.</summary>
/// <remarks>.NET's "F" format rounds ties away from zero (12.25 gives "12.3" where Python gives "12.2").</remarks>
internal static class PythonFloatFormat
{
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }
        exponent -= 1075; // |value| = mantissa * 2^exponent exactly

        var numerator = mantissa * BigInteger.Pow(10, decimals);
        var denominator = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }
        var rounded = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !rounded.IsEven))
        {
            rounded += 1;
        }

        string digits = rounded.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        string text = decimals == 0 ? digits : $"{digits[..^decimals]}.{digits[^decimals..]}";
        return double.IsNegative(value) ? "-" + text : text;
    }
}
