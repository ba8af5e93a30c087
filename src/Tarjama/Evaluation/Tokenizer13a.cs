using System.Text.RegularExpressions;

namespace Tarjama.Evaluation;

/// <summary>sacreBLEU's default BLEU tokenizer "13a", equivalent to mteval-v13a.pl as used by WMT.</summary>
internal static partial class Tokenizer13a
{
    public const string Signature = "13a";

    /// <summary>Returns the tokens of one segment joined by single spaces.</summary>
    public static string Tokenize(string line)
    {
        line = line.Replace("<skipped>", "")
            .Replace("-\n", "")
            .Replace("\n", " ")
            .Replace("&quot;", "\"")
            .Replace("&amp;", "&")
            .Replace("&lt;", "<")
            .Replace("&gt;", ">");
        line = $" {line} ";
        line = Symbols().Replace(line, " $1 ");
        line = PeriodOrCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodOrCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return string.Join(' ', PythonText.Split(line));
    }

    // ASCII punctuation and symbols other than the apostrophe, '-', '.' and ','.
    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])", RegexOptions.CultureInvariant)]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOrCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOrCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)", RegexOptions.CultureInvariant)]
    private static partial Regex DashAfterDigit();
}
