using System.Text.RegularExpressions;

namespace Tarjama.Quality;

/// <summary>Every number of the source is in the translation: Arabic-Indic or Western digits, Arabic or Western decimal
/// and thousands separators, a scale word turned into zeros or zeros into one, either way and in either language
/// ("300 ألف" as "300,000", "$1,500,000" as "1.5 مليون"), small numbers written as English words; and a percentage
/// stays a percentage.</summary>
public sealed partial class NumberCheck : IQualityCheck
{
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public QualityIssue? Check(QualitySegment segment)
    {
        var targetNumbers = Numbers(segment.Target);
        var target = segment.Target.ToLowerInvariant();
        var missing = new List<string>();
        foreach (var number in Numbers(segment.Source))
        {
            int found = targetNumbers.FindIndex(t => t.Value == number.Value || (number.Scaled && IsScaled(t.Value, number.Value))
                || (t.Scaled && IsScaled(number.Value, t.Value)));
            if (found >= 0)
            {
                targetNumbers.RemoveAt(found);
            }
            else if (!(int.TryParse(number.Value, out int small) && small < EnglishNumbers.Length && Regex.IsMatch(target, $@"\b{EnglishNumbers[small]}\b")))
            {
                missing.Add(number.Value);
            }
        }
        if (missing.Count > 0)
        {
            return new QualityIssue("numbers", $"missing {string.Join(", ", missing)}");
        }
        return HasPercent(segment.Source) && !HasPercent(segment.Target) ? new QualityIssue("numbers", "percentage lost") : null;
    }

    // "300 ألف" comes out as "300,000", "1.5 مليون" as "1,500,000": the scaled number's digits followed by zeros, its
    // decimal point moved right by whole thousands.
    private static bool IsScaled(string target, string number)
    {
        var parts = number.Split('.', 2);
        string digits = parts[0] + (parts.Length == 2 ? parts[1].TrimEnd('0') : "");
        int shift = target.Length - parts[0].Length;
        return parts[0] != "0" && !target.Contains('.') && shift > 0 && shift % 3 == 0 && target.Length >= digits.Length
            && target.StartsWith(digits, StringComparison.Ordinal) && target[digits.Length..].All(c => c == '0');
    }

    /// <summary>The numbers in <paramref name="text"/> as canonical digit strings (ASCII digits, thousands separators
    /// dropped, "." for the decimal point, no leading zeros), each with whether a scale word follows it.</summary>
    private static List<(string Value, bool Scaled)> Numbers(string text)
    {
        string western = Western(text);
        return [.. Number().Matches(western).Select(m => (Canonical(m.Value), ScaleWord().IsMatch(western, m.Index + m.Length)))];
    }

    private static string Western(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            span[i] = c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',
                '\u066C' => ',',
                _ => c,
            };
        }
    });

    private static string Canonical(string number)
    {
        string digits = ThousandsGroups().IsMatch(number) ? number.Replace(",", "", StringComparison.Ordinal) : number.Replace(',', '.');
        var parts = digits.Split('.', 2);
        string whole = parts[0].TrimStart('0');
        return (whole.Length == 0 ? "0" : whole) + (parts.Length == 2 ? "." + parts[1] : "");
    }

    private static bool HasPercent(string text) => text.Contains('%') || text.Contains('٪') || PercentWords().IsMatch(text);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    // Thousand to trillion (Arabic singular, plural and accusative forms; English also "bn" and "mln", as in "$2bn").
    [GeneratedRegex(@"\G ?(?:(?:thousand|million|billion|trillion)s?\b|(?:bn|mln)\b|ألف|الف|آلاف|الاف|مليون|ملايين|مليار|بليون|بلايين|تريليون|ترليون)", RegexOptions.IgnoreCase)]
    private static partial Regex ScaleWord();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")]
    private static partial Regex ThousandsGroups();

    [GeneratedRegex(@"\bper ?cent\b|(?:في |ب)الما?ئة", RegexOptions.IgnoreCase)]
    private static partial Regex PercentWords();
}
