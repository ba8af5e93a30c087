using System.Xml.Linq;

namespace Tarjama.Documents.Xliff;

/// <summary>The names XLIFF 1.2 and 2.1 files use, and how a document format is written in them.</summary>
internal static class XliffNames
{
    public static readonly XNamespace V12 = "urn:oasis:names:tc:xliff:document:1.2";
    public static readonly XNamespace V21 = "urn:oasis:names:tc:xliff:document:2.0";

    /// <summary>Tarjama's own attributes (the document format in 2.1), in a namespace of its own as XLIFF allows.</summary>
    public static readonly XNamespace Tarjama = "urn:tarjama:xliff";

    /// <summary>1.2's datatype, and 2.1's tarjama:format, for each format.</summary>
    public static string DataType(DocumentFormat format) => format switch
    {
        DocumentFormat.Text => "plaintext",
        DocumentFormat.Markdown => "x-markdown",
        DocumentFormat.Xml => "xml",
        DocumentFormat.Docx => "x-docx",
        _ => "html",
    };

    public static DocumentFormat? Format(string? dataType) => dataType switch
    {
        "plaintext" => DocumentFormat.Text,
        "x-markdown" => DocumentFormat.Markdown,
        "html" => DocumentFormat.Html,
        "xml" => DocumentFormat.Xml,
        "x-docx" => DocumentFormat.Docx,
        _ => null,
    };

    /// <summary>The close code that each open code of a segment pairs with, matched as markup nests.</summary>
    public static Dictionary<int, int> Pairs(IReadOnlyList<InlineCode> codes)
    {
        var pairs = new Dictionary<int, int>();
        var open = new Stack<int>();
        foreach (var code in codes)
        {
            if (code.Kind == InlineCodeKind.Open)
            {
                open.Push(code.Id);
            }
            else if (code.Kind == InlineCodeKind.Close && open.TryPop(out int start))
            {
                pairs[start] = code.Id;
            }
        }
        return pairs;
    }
}
