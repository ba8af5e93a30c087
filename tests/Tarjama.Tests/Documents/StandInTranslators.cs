using System.Text;
using System.Text.RegularExpressions;

namespace Tarjama.Tests.Documents;

/// <summary>A translator that writes Arabic letters as Latin capitals (ا→A, ب→B...), leaving everything else, so a test can
/// see what was translated, and records what it was asked.</summary>
internal sealed class LatinizingTranslator(string source = "ar", string target = "en") : ISegmentTranslator
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public string SourceLanguage => source;

    public string TargetLanguage => target;

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        Calls.Add([.. segments]);
        return [.. segments.Select(Latinize)];
    }

    public static string Latinize(string text)
    {
        var latin = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            latin.Append(c is >= '\u0621' and <= '\u064A' ? (char)('A' + ((c - 0x0621) % 26)) : char.ToUpperInvariant(c));
        }
        return latin.ToString();
    }
}

/// <summary>A translator that answers each segment with <paramref name="answer"/>(segment).</summary>
internal sealed class FunctionTranslator(Func<string, string> answer, string source = "ar", string target = "en") : ISegmentTranslator
{
    public string SourceLanguage => source;

    public string TargetLanguage => target;

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        [.. segments.Select(answer)];
}

/// <summary>A translator that returns garbage a real model might (and worse): empty strings, markup characters, entities,
/// Markdown syntax, placeholders lost, duplicated, reordered or invented, random letters; the same for the same seed.</summary>
internal sealed partial class GarbageTranslator(int seed) : ISegmentTranslator
{
    private static readonly string[] Junk =
    [
        "", " ", "<", ">", "&", "&amp;", "<b>", "</p>", "<!--", "*", "**", "_", "`", "```", "#", "# ", "- ", "1. ", "> ", "|", "[", "]",
        "](x)", "![", "\\", "~~", "---", "===", "    ", "\n", "\n\n", "[1]", "[2]", "[99]", "[ 1 ]", "http://x.y/z", "{{a}}", "«", "»",
        "؟", "،", ".", "!", "word", "كلمة", "Hello world.", "&#60;", "<script>", "'", "\"", "\t",
    ];

    private readonly Random _random = new(seed);

    public string SourceLanguage => "ar";

    public string TargetLanguage => "en";

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        [.. segments.Select(Garble)];

    private string Garble(string input)
    {
        var tokens = Token().Matches(input).Select(m => m.Value).ToList();
        switch (_random.Next(5))
        {
            case 0:
                return "";
            case 1:
                tokens.Reverse(); // placeholders out of order
                break;
            case 2:
                tokens = [.. tokens.Where(_ => _random.Next(2) == 0)]; // some lost
                break;
            case 3:
                tokens.AddRange(tokens); // all twice
                break;
        }
        var output = new StringBuilder();
        foreach (var token in tokens)
        {
            output.Append(Junk[_random.Next(Junk.Length)]).Append(token);
        }
        for (int i = _random.Next(4); i > 0; i--)
        {
            output.Append(Junk[_random.Next(Junk.Length)]);
        }
        return output.ToString();
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Token();
}
