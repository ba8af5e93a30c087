using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>The kinds of file the file endpoints accept, by extension, translated by the documents library keeping
/// their structure, or written as a bilingual view.</summary>
internal sealed class SupportedFiles
{
    public IReadOnlyList<string> Extensions { get; } = [".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".xlf", ".xliff", ".docx"];

    public bool Accepts(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>Plain text (named so, or by a .txt name when no format is named), which is translated streaming; null
    /// for markup, which is read whole.</summary>
    private static DocumentFormat? Streamed(string fileName, DocumentFormat? format) =>
        (format ?? (Path.GetExtension(fileName).Equals(".txt", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Text : null)) is DocumentFormat.Text
            ? DocumentFormat.Text
            : null;

    /// <summary>What the memory budget is charged for the upload (see <see cref="DocumentSize"/>): a Word document (a
    /// .docx name, no format named) by its package and what its XML parts unpack to, which a small package can hide many
    /// times over; plain text by its size; markup by its size and its breaks, counted through the upload.</summary>
    public static DocumentSize Footprint(IFormFile file, DocumentFormat? format) => Footprint(file, file.FileName, format);

    /// <inheritdoc cref="Footprint(IFormFile, DocumentFormat?)"/>
    /// <param name="fileName">The name the document goes by, when the request gives one apart from the upload's.</param>
    public static DocumentSize Footprint(IFormFile file, string fileName, DocumentFormat? format)
    {
        using var input = file.OpenReadStream();
        if (format is null && Path.GetExtension(fileName).Equals(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return new(file.Length + Documents.Docx.DocxSize.UnpackedXmlBytes(input), DocumentFormat.Docx);
        }
        if (Streamed(fileName, format) is { } text)
        {
            return new(file.Length, text);
        }
        long breaks = 0;
        var buffer = new byte[64 << 10];
        for (int read; (read = input.Read(buffer)) > 0;)
        {
            breaks += DocumentSize.BreaksIn<byte>(buffer.AsSpan(0, read));
        }
        return new(file.Length, null, breaks);
    }

    /// <summary>Writes the upload's translation (or its bilingual view) to <paramref name="output"/>; refuses input that
    /// is neither UTF-8 text nor a readable Word document with a 400 naming the file.</summary>
    /// <param name="options">The format and bilingual view asked for, and the memories to look up.</param>
    public static Task Translate(ISegmentTranslator translator, IFormFile file, Stream output, DocumentTranslationOptions options, CancellationToken cancellationToken) =>
        Translate(translator, file.OpenReadStream, file.FileName, output, options, cancellationToken);

    /// <summary>As above, for a document held elsewhere than in the request (a DeepL document job).</summary>
    public static Task Translate(ISegmentTranslator translator, Func<Stream> open, string fileName, Stream output, DocumentTranslationOptions options, CancellationToken cancellationToken) =>
        DocumentWork.Run(() =>
        {
            using var input = open();
            new DocumentTranslator(translator, options).Translate(input, UploadNames.Of(fileName), output, null, cancellationToken);
            return true;
        }, cancellationToken);
}
