using System.Globalization;

namespace Tarjama.Hub;

/// <summary>Byte counts for people: decimal units, as the Hub shows file sizes.</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }
}
