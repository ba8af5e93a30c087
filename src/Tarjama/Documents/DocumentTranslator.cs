using System.Text;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Translates a document (plain text, Markdown or HTML) keeping its structure, or writes a bilingual view of it.</summary>
/// <remarks>The flow: input checked (UTF-8, not binary) → blocks (lines; Markdown leaf blocks; HTML inline runs and
/// attributes) → segments (sentences) → normalised, masked, deduplicated, batched → the translator → punctuation,
/// verbatim text and markup restored → the same document, or segment pairs. Plain text streams by windows of lines;
/// Markdown and HTML are read whole. Output written before an error is flushed.</remarks>
public sealed class DocumentTranslator(ISegmentTranslator translator, DocumentTranslationOptions? options = null)
{
    private readonly DocumentTranslationOptions _options = options ?? new DocumentTranslationOptions();

    /// <summary>Translates <paramref name="input"/> (UTF-8) into <paramref name="output"/>.</summary>
    /// <param name="sourceName">The input's file name, or e.g. "&lt;stdin&gt;": its extension can tell the format, and errors name it.</param>
    /// <exception cref="TarjamaException">The input is not UTF-8 text.</exception>
    public void Translate(Stream input, string sourceName, TextWriter output, IProgress<DocumentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sniffed = SniffedInput.Open(input);
        InputCheck.RejectBinary(sniffed.Head, sourceName);
        var format = _options.Format ?? DocumentFormatDetector.Detect(sourceName, sniffed.Head);
        using var reader = new Utf8LineReader(sniffed, sourceName);
        var blocks = new BlockTranslator(translator, _options);
        var pairs = _options.Bilingual is { } bilingual
            ? SegmentPairWriter.Create(bilingual, output, translator.SourceLanguage, translator.TargetLanguage, Path.GetFileName(sourceName))
            : null;
        try
        {
            if (format == DocumentFormat.Text)
            {
                PlainTextStreamer.Translate(reader, sniffed, sourceName, blocks, _options.BatchSegments * 128, output, pairs, progress, cancellationToken);
            }
            else
            {
                TranslateWhole(ReadAll(reader, sniffed, sourceName), format, blocks, output, pairs, progress, cancellationToken);
            }
            pairs?.Complete();
        }
        finally
        {
            output.Flush();
        }
    }

    /// <summary>Translates a document held in a string; the result is the translated document, or the bilingual view.</summary>
    public string Translate(string document, DocumentFormat format, CancellationToken cancellationToken = default)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(document));
        using var output = new StringWriter();
        new DocumentTranslator(translator, _options with { Format = format }).Translate(input, "document", output, null, cancellationToken);
        return output.ToString();
    }

    private void TranslateWhole(string text, DocumentFormat format, BlockTranslator blocks, TextWriter output, SegmentPairWriter? pairs,
        IProgress<DocumentProgress>? progress, CancellationToken cancellationToken)
    {
        IDocumentRewriter document = format == DocumentFormat.Markdown
            ? new MarkdownDocumentRewriter(text)
            : new HtmlDocumentRewriter(text, translator.SourceLanguage, translator.TargetLanguage);
        var translated = blocks.Translate(document.Blocks, (done, total) => progress?.Report(new DocumentProgress(done, total == 0 ? 1 : (double)done / total)), cancellationToken);
        if (pairs is null)
        {
            output.Write(document.Render(translated));
            return;
        }
        for (int i = 0; i < translated.Count; i++)
        {
            pairs.Write(i, translated[i]);
        }
    }

    private static string ReadAll(Utf8LineReader reader, SniffedInput input, string sourceName)
    {
        var text = new StringBuilder();
        bool any = false;
        foreach (var line in reader.ReadLines())
        {
            InputCheck.RejectNul(line, reader.LineOffset, sourceName);
            text.Append(any ? input.NewLine : "").Append(line);
            any = true;
        }
        return (any && input.EndsWithNewline ? text.Append(input.NewLine) : text).ToString();
    }
}
