using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Tarjama.Documents.Docx;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>A document's readable text, read once: its start for telling its language, and how many characters it
/// holds for usage accounting; a Word document's paragraphs (not its ZIP bytes), markup without its tags.</summary>
/// <param name="Sample">About the first characters asked for; empty for a Word document that cannot be read
/// (translating it says why).</param>
/// <param name="Characters">Every character of text (<see cref="CountCharacters"/>): HTML and XML without their tags; 0
/// for a Word document that cannot be read.</param>
public sealed partial record DocumentSample(string Sample, long Characters)
{
    /// <summary>Reads <paramref name="content"/> once, keeping about the first <paramref name="characters"/>
    /// characters as its sample.</summary>
    public static DocumentSample Read(byte[] content, string fileName, int characters = 4096)
    {
        var format = DocumentFormatDetector.Detect(fileName, content.AsSpan(0, Math.Min(content.Length, 4096)));
        if (format == DocumentFormat.Docx)
        {
            var pieces = WordText(content, fileName);
            var sample = new StringBuilder();
            foreach (string piece in pieces.TakeWhile(_ => sample.Length < characters))
            {
                sample.Append(piece).Append(' ');
            }
            return new(sample.ToString(), pieces.Sum(piece => CountCharacters(piece, DocumentFormat.Text)));
        }
        InputCheck.RejectBinary(content.AsSpan(0, Math.Min(content.Length, 8192)), fileName);
        // HTML in a legacy encoding is read as translating reads it; undeclared, as Arabic (a sample only tells the language).
        string text = format == DocumentFormat.Html ? HtmlEncoding.Decode(content, fileName, "ar") : Utf8LineReader.DecodeAll(content, fileName);
        string start = WithoutTags(text[..Math.Min(text.Length, characters * 4)]);
        return new(start, CountCharacters(text, format));
    }

    /// <summary>The characters of a text as DeepL bills them: Unicode code points (an emoji is one), without the tags
    /// of markup (HTML, XML, XLIFF).</summary>
    public static long CountCharacters(string text, DocumentFormat format) =>
        (format is DocumentFormat.Html or DocumentFormat.Xml or DocumentFormat.Xliff ? Tag().Replace(text, "") : text).EnumerateRunes().Count();

    /// <summary>The text of a document's first bytes, for telling its language before it is translated: what translating
    /// it would refuse first (a binary file, UTF-16, invalid UTF-8) is refused here, with the same message; a character
    /// cut at the end of <paramref name="head"/> is left out. HTML that is not UTF-8 is decoded as translating decodes it
    /// (<see cref="HtmlEncoding"/>), undeclared as Arabic.</summary>
    /// <exception cref="TarjamaException">The bytes are not text that translating would read.</exception>
    public static string TextHead(ReadOnlySpan<byte> head, string fileName)
    {
        InputCheck.RejectBinary(head, fileName);
        var text = new char[head.Length];
        if (Utf8.ToUtf16(head, text, out _, out int written, replaceInvalidSequences: false, isFinalBlock: false) == OperationStatus.InvalidData)
        {
            return DocumentFormatDetector.Detect(fileName, head) == DocumentFormat.Html
                ? HtmlEncoding.Decode(head.ToArray(), fileName, "ar")
                : Utf8LineReader.DecodeAll(head, fileName); // throws, naming the first invalid byte as translating does
        }
        return new string(text, 0, written);
    }

    /// <summary>Markup with its tags (names, attributes), comments, scripts and style sheets left out: they are not in the
    /// text's language, and an Arabic page with a large inline style sheet would otherwise be taken for English.</summary>
    public static string WithoutTags(string markup) => Tag().Replace(markup, " ");

    /// <summary>A Word document's text pieces in order; none when it cannot be read.</summary>
    private static List<string> WordText(byte[] content, string fileName)
    {
        try
        {
            using var docx = new DocxDocumentRewriter(new MemoryStream(content, writable: false), fileName, new DocumentTranslationOptions().MaxDocxBytes, "ar", "en");
            return [.. docx.Blocks.SelectMany(block => block).Where(piece => piece.Kind == PieceKind.Text).Select(piece => piece.Text)];
        }
        catch (TarjamaException)
        {
            return [];
        }
    }

    // A script or style sheet cut off by the end of a sample runs to the end.
    [GeneratedRegex(@"<!--.*?(?:-->|$)|<script\b[^>]*>.*?(?:</script\s*>|$)|<style\b[^>]*>.*?(?:</style\s*>|$)|<[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();
}
