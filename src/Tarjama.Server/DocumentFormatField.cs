using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>The <c>format</c> field of a document upload (/translate_document, /jobs): every format a file's name or
/// content can tell, by the name the API gives it.</summary>
internal static class DocumentFormatField
{
    public const string Names = "text, markdown, html, xml or xliff";

    /// <summary>The format <paramref name="name"/> names, or null when it names none.</summary>
    public static DocumentFormat? Named(string name) => name switch
    {
        "text" => DocumentFormat.Text,
        "markdown" => DocumentFormat.Markdown,
        "html" => DocumentFormat.Html,
        "xml" => DocumentFormat.Xml,
        "xliff" => DocumentFormat.Xliff,
        _ => null,
    };
}
