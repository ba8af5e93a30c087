using System.Text;
using System.Text.RegularExpressions;
using Tarjama.Documents.Docx;

namespace Tarjama.Documents;

/// <summary>The start of a document's readable text, for telling its language: a Word document's paragraphs (not its
/// ZIP bytes), markup without its tags.</summary>
public static partial class DocumentSample
{
    /// <summary>About the first <paramref name="characters"/> characters of text in <paramref name="content"/>; empty
    /// for a Word document that cannot be read (translating it says why).</summary>
    public static string Text(byte[] content, string fileName, int characters = 4096)
    {
        if (FormatOf(content, fileName) != DocumentFormat.Docx)
        {
            return WithoutTags(Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, characters * 4)));
        }
        var text = new StringBuilder();
        foreach (string piece in WordText(content, fileName))
        {
            text.Append(piece).Append(' ');
            if (text.Length >= characters)
            {
                break;
            }
        }
        return text.ToString();
    }

    /// <summary>How many characters of text the whole of <paramref name="content"/> holds, for usage accounting: a
    /// Word document's text, not its ZIP bytes; HTML and XML without their tags; 0 for a Word document that cannot be
    /// read.</summary>
    public static long Characters(byte[] content, string fileName)
    {
        var format = FormatOf(content, fileName);
        if (format == DocumentFormat.Docx)
        {
            return WordText(content, fileName).Sum(piece => (long)piece.Length);
        }
        string text = Encoding.UTF8.GetString(content);
        return format is DocumentFormat.Html or DocumentFormat.Xml or DocumentFormat.Xliff ? Tag().Replace(text, "").Length : text.Length;
    }

    /// <summary>Markup with its tags (names, attributes) left out: they are not in the text's language.</summary>
    public static string WithoutTags(string markup) => Tag().Replace(markup, " ");

    private static DocumentFormat FormatOf(byte[] content, string fileName) =>
        DocumentFormatDetector.Detect(fileName, content.AsSpan(0, Math.Min(content.Length, 4096)));

    /// <summary>A Word document's text pieces in order; none when it cannot be read.</summary>
    private static List<string> WordText(byte[] content, string fileName)
    {
        try
        {
            using var docx = new DocxDocumentRewriter(new MemoryStream(content, writable: false), fileName, new DocumentTranslationOptions().MaxDocxBytes, "en");
            return [.. docx.Blocks.SelectMany(block => block).Where(piece => piece.Kind == PieceKind.Text).Select(piece => piece.Text)];
        }
        catch (TarjamaException)
        {
            return [];
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
