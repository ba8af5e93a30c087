using System.Text.RegularExpressions;

namespace Tarjama.Tests.Documentation;

/// <summary>README.md, BENCHMARKS.md and docs/*.md as the tests get them (copied beside the test assembly), less
/// docs/xliff.md, which its own tests keep. Positions are "docs/cli.md:12".</summary>
internal static partial class UserDocs
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "documentation");

    /// <summary>Paths relative to the repository root.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "README.md",
        "BENCHMARKS.md",
        .. Directory.GetFiles(Path.Combine(Folder, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Where(f => f != "docs/xliff.md").Order(StringComparer.Ordinal),
    ];

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>Each line of each fenced code block in <paramref name="language"/> (bash, csharp...), with where it is.</summary>
    public static IEnumerable<(string Where, string Line)> FencedLines(string language)
    {
        foreach (var file in Files)
        {
            bool inside = false;
            var lines = Read(file).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inside = !inside && line[3..].Trim() == language;
                }
                else if (inside)
                {
                    yield return ($"{file}:{i + 1}", line);
                }
            }
        }
    }

    /// <summary>The first fenced code block in <paramref name="language"/> of one file.</summary>
    public static string FirstBlock(string file, string language) =>
        Regex.Match(Read(file), $@"^```{language}\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;

    /// <summary>Inline code spans (`...`) of prose and tables, outside fenced blocks, with where they are.</summary>
    public static IEnumerable<(string Where, string Code)> InlineCode()
    {
        foreach (var file in Files)
        {
            bool fenced = false;
            var lines = Read(file).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                    continue;
                }
                if (!fenced)
                {
                    foreach (Match span in Span().Matches(lines[i]))
                    {
                        yield return ($"{file}:{i + 1}", span.Groups[1].Value);
                    }
                }
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Span();
}
