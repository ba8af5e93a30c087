using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tarjama.Documents;

/// <summary>A Markdown document's structure without its prose: one line per leaf block, with its containers, its kind,
/// and its markup, code, link targets and raw HTML. Two documents with equal lines have the same structure.</summary>
internal static class MarkdownStructure
{
    public static List<string> Of(MarkdownDocument document) =>
        [.. document.Descendants<LeafBlock>().Select(leaf => Containers(leaf) + Describe(leaf))];

    /// <summary>The index of the first line where the two structures differ, or -1 when they are the same.</summary>
    public static int FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        int common = Math.Min(expected.Count, actual.Count);
        for (int i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
            {
                return i;
            }
        }
        return expected.Count == actual.Count ? -1 : common;
    }

    private static string Containers(Block leaf)
    {
        var path = new StringBuilder();
        for (var parent = leaf.Parent; parent is not null and not MarkdownDocument; parent = parent.Parent)
        {
            path.Insert(0, parent.GetType().Name + "/");
        }
        return path.ToString();
    }

    private static string Describe(LeafBlock leaf) => leaf switch
    {
        HeadingBlock heading => $"Heading{heading.Level}:{Describe(heading.Inline)}",
        { Inline: { } inline } => $"{leaf.GetType().Name}:{Describe(inline)}",
        _ => $"{leaf.GetType().Name}:{leaf.Lines}",
    };

    private static string Describe(ContainerInline? container)
    {
        var description = new StringBuilder();
        foreach (var inline in container ?? Enumerable.Empty<Inline>())
        {
            description.Append(inline switch
            {
                LiteralInline => "",
                LineBreakInline lineBreak => lineBreak.IsHard ? "<br>" : "",
                EmphasisInline emphasis => $"<{emphasis.DelimiterChar}{emphasis.DelimiterCount}>{Describe(emphasis)}</>",
                LinkInline link => $"<{(link.IsImage ? "img" : "a")} {link.Url} {link.Title}>{Describe(link)}</>",
                CodeInline code => $"<code {code.Delimiter}{code.DelimiterCount}>{code.Content}</code>",
                AutolinkInline autolink => $"<auto {autolink.Url}>",
                HtmlInline html => $"<html {html.Tag}>",
                HtmlEntityInline entity => $"<entity {entity.Original}>",
                TaskList task => $"<task {task.Checked}>",
                ContainerInline other => $"<{other.GetType().Name}>{Describe(other)}</>",
                _ => $"<{inline.GetType().Name}>",
            });
        }
        return description.ToString();
    }
}
