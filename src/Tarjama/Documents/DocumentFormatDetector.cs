using System.Text;
using System.Text.RegularExpressions;

namespace Tarjama.Documents;

/// <summary>Tells a document's format from its file name's extension, else from its first bytes: HTML when it starts
/// with a tag, XLIFF or other XML when it starts with an XML declaration (and no HTML), DOCX when it is a ZIP package, Markdown when it has headings, fences, links or tables, plain text otherwise.</summary>
public static partial class DocumentFormatDetector
{
    public static DocumentFormat Detect(string? fileName, ReadOnlySpan<byte> head)
    {
        if (FromExtension(fileName) is { } named)
        {
            return named;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return DocumentFormat.Docx;
        }
        var text = Encoding.UTF8.GetString(head);
        if (HtmlStart().IsMatch(text))
        {
            return DocumentFormat.Html;
        }
        if (XmlStart().IsMatch(text))
        {
            return XliffRoot().IsMatch(text) ? DocumentFormat.Xliff : DocumentFormat.Xml;
        }
        return MarkdownSigns().IsMatch(text) ? DocumentFormat.Markdown : DocumentFormat.Text;
    }

    /// <summary>The format a file name's extension names (.txt, .md, .html, .xml, .xlf, .docx and their variants), or null.</summary>
    public static DocumentFormat? FromExtension(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".txt" or ".text" => DocumentFormat.Text,
        ".md" or ".markdown" or ".mdown" or ".mkd" or ".mkdn" => DocumentFormat.Markdown,
        ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
        ".xlf" or ".xliff" => DocumentFormat.Xliff,
        ".xml" => DocumentFormat.Xml,
        ".docx" => DocumentFormat.Docx,
        _ => null,
    };

    /// <summary>The extension a file of <paramref name="format"/> is given (.txt, .md, .html, .xml, .xlf, .docx).</summary>
    public static string Extension(DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => ".md",
        DocumentFormat.Html => ".html",
        DocumentFormat.Xliff => ".xlf",
        DocumentFormat.Xml => ".xml",
        DocumentFormat.Docx => ".docx",
        _ => ".txt",
    };

    [GeneratedRegex(@"^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|p|div|article|section|main|header|nav|h[1-6]|ul|ol|table|span|a|b|i|em|strong|br|img|figure|blockquote)\b",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"^\uFEFF?\s*<\?xml\b")]
    private static partial Regex XmlStart();

    [GeneratedRegex(@"^\uFEFF?\s*<\?xml\b[^>]*>\s*(?:<!--.*?-->\s*)*<xliff\b", RegexOptions.Singleline)]
    private static partial Regex XliffRoot();

    [GeneratedRegex(@"^(?:#{1,6}[ \t]+\S|```|~~~)|\[[^\]\n]+\]\([^)\s]+\)|^\|.*\|[ \t]*\r?\n\|?[ \t]*:?-{3,}", RegexOptions.Multiline)]
    private static partial Regex MarkdownSigns();
}
