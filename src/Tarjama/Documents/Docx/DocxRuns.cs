extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Tarjama.Documents.Docx;

/// <summary>Word splits text into runs for reasons a reader never sees (revision ids, spell-check marks); runs that look
/// alike are joined before reading, so a sentence reaches the model whole and its markup is only what a reader sees.</summary>
internal static class DocxRuns
{
    /// <summary>Joins neighbouring runs of <paramref name="container"/> (a paragraph, or a wrapper in it) that hold only text and
    /// look alike, and drops spell-check marks between them.</summary>
    public static void JoinAlike(OpenXmlElement container)
    {
        foreach (var mark in container.Elements<ProofError>().ToList())
        {
            mark.Remove();
        }
        Run? previous = null;
        foreach (var child in container.ChildElements.ToList())
        {
            if (DocxWrappers.ContentOf(child) is { } content)
            {
                JoinAlike(content);
            }
            if (child is not Run run || !OnlyText(run))
            {
                previous = null;
                continue;
            }
            if (previous is not null && Look(previous) == Look(run))
            {
                var last = previous.Elements<WordText>().Last();
                last.Text += string.Concat(run.Elements<WordText>().Select(text => text.Text));
                last.Space = SpaceProcessingModeValues.Preserve;
                run.Remove();
                continue;
            }
            previous = run;
        }
    }

    /// <summary>The look of most of the block's text: runs that have it are plain text to translation, and only runs
    /// that look different (bold, a link's style) become markup around their words.</summary>
    public static string BaseLook(OpenXmlElement container) => container.Descendants<Run>()
        .GroupBy(Look).OrderByDescending(look => look.Sum(run => run.Elements<WordText>().Sum(text => text.Text.Length))).Select(look => look.Key).FirstOrDefault() ?? "";

    /// <summary>Whether a run's child is text: its words, or a hyphen Word keeps as an element.</summary>
    public static bool IsText(OpenXmlElement child) => child is WordText or SoftHyphen or NoBreakHyphen;

    private static bool OnlyText(Run run) => run.ChildElements.All(child => child is WordText or RunProperties) && run.Elements<WordText>().Any();

    /// <summary>The run's formatting, without the revision ids that differ between runs that look the same.</summary>
    public static string Look(Run run)
    {
        if (run.RunProperties is not { } properties)
        {
            return "";
        }
        var copy = (RunProperties)properties.CloneNode(true);
        foreach (var element in copy.Descendants().Prepend(copy))
        {
            foreach (var attribute in element.GetAttributes().Where(a => a.LocalName.StartsWith("rsid", StringComparison.Ordinal)))
            {
                element.RemoveAttribute(attribute.LocalName, attribute.NamespaceUri);
            }
        }
        copy.RemoveAllChildren<RunPropertiesChange>();
        return copy.OuterXml;
    }
}
