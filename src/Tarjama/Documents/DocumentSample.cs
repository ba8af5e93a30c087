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
        if (DocumentFormatDetector.Detect(fileName, content.AsSpan(0, Math.Min(content.Length, 4096))) != DocumentFormat.Docx)
        {
            return WithoutTags(Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, characters * 4)));
        }
        try
        {
            return WordText(content, fileName, characters);
        }
        catch (TarjamaException)
        {
            return "";
        }
    }

    /// <summary>Markup with its tags (names, attributes) left out: they are not in the text's language.</summary>
    public static string WithoutTags(string markup) => Tag().Replace(markup, " ");

    private static string WordText(byte[] content, string fileName, int characters)
    {
        using var docx = new DocxDocumentRewriter(new MemoryStream(content, writable: false), fileName, new DocumentTranslationOptions().MaxDocxBytes, "en");
        var text = new StringBuilder();
        foreach (var piece in docx.Blocks.SelectMany(block => block).Where(piece => piece.Kind == PieceKind.Text))
        {
            text.Append(piece.Text).Append(' ');
            if (text.Length >= characters)
            {
                break;
            }
        }
        return text.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
