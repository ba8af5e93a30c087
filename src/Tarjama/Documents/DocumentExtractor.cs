using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Extract, the first of the document layer's two steps: a whole document read into segments with stable ids,
/// masked model inputs and inline codes. <see cref="ExtractedDocument.Merge"/> is the second.</summary>
public static class DocumentExtractor
{
    /// <summary>Reads <paramref name="document"/> as <paramref name="format"/>, cut and masked as <paramref name="options"/> say
    /// (normalisation, verbatim strings, segment length); the same input and options give the same segment ids.</summary>
    /// <param name="sourceName">The document's file name, which errors name; null for a text without one.</param>
    public static ExtractedDocument Extract(string document, DocumentFormat format, string sourceLanguage, string targetLanguage, DocumentTranslationOptions? options = null,
        string? sourceName = null)
    {
        options ??= new DocumentTranslationOptions();
        var rewriter = Named(sourceName, () => format switch
        {
            DocumentFormat.Text => new PlainTextRewriter(document),
            DocumentFormat.Markdown => new MarkdownDocumentRewriter(document),
            DocumentFormat.Html => new HtmlDocumentRewriter(document, sourceLanguage, targetLanguage, options.KeptElements),
            DocumentFormat.Xml => new XmlDocumentRewriter(document, sourceLanguage, targetLanguage, options.XmlStructure, options.KeptElements),
            DocumentFormat.Xliff => new XmlDocumentRewriter(document, sourceLanguage, targetLanguage, new XmlStructure(), options.KeptElements, new Xliff.XliffTargets()),
            _ => throw new ArgumentException($"{format} is not a text format: DocumentTranslator.Translate takes it as a stream", nameof(format)),
        });
        return new ExtractedDocument(rewriter.Blocks, 0, rewriter, Masker(options, targetLanguage), options.SegmentLengthLimit, format, sourceLanguage, targetLanguage);
    }

    /// <summary>Reads a Word document (DOCX) from <paramref name="package"/> as <see cref="Extract"/> reads a text; the merged
    /// document is the package (<see cref="MergedDocument.WriteTo"/>).</summary>
    /// <exception cref="TarjamaException">Not a readable Word document, or larger than the options allow.</exception>
    public static ExtractedDocument ExtractWord(Stream package, string sourceName, string sourceLanguage, string targetLanguage, DocumentTranslationOptions? options = null)
    {
        options ??= new DocumentTranslationOptions();
        var word = new Docx.DocxDocumentRewriter(package, sourceName, options.MaxDocxBytes, sourceLanguage, targetLanguage);
        return new ExtractedDocument(word.Blocks, 0, word, Masker(options, targetLanguage), options.SegmentLengthLimit, DocumentFormat.Docx, sourceLanguage, targetLanguage);
    }

    /// <summary>Reads with <paramref name="read"/>, its errors naming the file (every format's, in one place).</summary>
    private static IDocumentRewriter Named(string? sourceName, Func<IDocumentRewriter> read)
    {
        try
        {
            return read();
        }
        catch (TarjamaException e) when (sourceName is not null)
        {
            throw new TarjamaException($"{sourceName}: {e.Message}", e);
        }
    }

    internal static SegmentMasker Masker(DocumentTranslationOptions options, string targetLanguage) =>
        new(new VerbatimSpans(options.Verbatim), options.Normalization, targetLanguage);
}
