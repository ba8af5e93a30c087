using System.Text;
using Tarjama.Documents.Xliff;
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

    /// <summary>False for a text held in a string (a request's): parse errors then name no file.</summary>
    private bool NamesInput { get; init; } = true;

    /// <summary>Translates <paramref name="input"/> (UTF-8 unless <see cref="DocumentTranslationOptions.InputEncoding"/>
    /// says otherwise; HTML may be in the legacy encoding it declares, see <see cref="HtmlEncoding"/>) into
    /// <paramref name="output"/>.</summary>
    /// <param name="sourceName">The input's file name, or e.g. "&lt;stdin&gt;": its extension can tell the format, and errors name it.</param>
    /// <exception cref="TarjamaException">The input is not text in its encoding (UTF-8 unless said otherwise).</exception>
    public void Translate(Stream input, string sourceName, TextWriter output, IProgress<DocumentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (StrictInputEncoding() is not { } encoding)
        {
            TranslateUtf8(input, sourceName, output, progress, cancellationToken);
            return;
        }
        using var transcoded = Encoding.CreateTranscodingStream(input, encoding, Encoding.UTF8, leaveOpen: true);
        try
        {
            TranslateUtf8(transcoded, sourceName, output, progress, cancellationToken);
        }
        catch (DecoderFallbackException e)
        {
            string bytes = string.Join(' ', (e.BytesUnknown ?? []).Select(b => $"0x{b:X2}"));
            throw new TarjamaException($"{sourceName}: not {encoding.WebName} text: {bytes} has no character in it");
        }
    }

    /// <summary>The input's encoding when it is not UTF-8, strict: a byte it has no character for is an error, not a
    /// silent '?' or U+FFFD; null for UTF-8, which the reader checks itself (naming the byte offset).</summary>
    private Encoding? StrictInputEncoding()
    {
        if (_options.InputEncoding is not { } given || given.CodePage == Encoding.UTF8.CodePage)
        {
            return null;
        }
        var strict = (Encoding)given.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        return strict;
    }

    private void TranslateUtf8(Stream input, string sourceName, TextWriter output, IProgress<DocumentProgress>? progress, CancellationToken cancellationToken)
    {
        var sniffed = SniffedInput.Open(input);
        InputCheck.RejectBinary(sniffed.Head, sourceName);
        var format = _options.Format ?? DocumentFormatDetector.Detect(sourceName, sniffed.Head);
        using var reader = new Utf8LineReader(sniffed, sourceName);
        var step = new SegmentTranslationStep(translator, _options);
        var pairs = _options.Bilingual is { } bilingual and not BilingualFormat.Xliff
            ? SegmentPairWriter.Create(bilingual, output, translator.SourceLanguage, translator.TargetLanguage, Path.GetFileName(sourceName))
            : null;
        try
        {
            if (format == DocumentFormat.Text && _options.Bilingual != BilingualFormat.Xliff)
            {
                var masker = DocumentExtractor.Masker(_options, translator.TargetLanguage);
                PlainTextStreamer.Translate(reader, sniffed, sourceName,
                    (window, first) => new ExtractedDocument(window, first, null, masker, _options.SegmentLengthLimit, DocumentFormat.Text, translator.SourceLanguage, translator.TargetLanguage),
                    step, _options.BatchSegments * 128, output, pairs, progress, cancellationToken);
            }
            else
            {
                string text = format == DocumentFormat.Html ? HtmlEncoding.Decode(ReadBytes(sniffed), sourceName, translator.SourceLanguage) : ReadAll(reader, sourceName);
                TranslateWhole(text, format, sourceName, step, output, pairs, progress, cancellationToken);
            }
            pairs?.Complete();
        }
        finally
        {
            output.Flush();
        }
    }

    /// <summary>Translates <paramref name="input"/> into <paramref name="output"/> as bytes: a Word document (DOCX) stays
    /// one, with its formatting, or its bilingual view (XLIFF carrying it, or its sentences side by side); a text format
    /// is written as UTF-8.</summary>
    /// <exception cref="TarjamaException">The input is not UTF-8 text nor a readable Word document.</exception>
    public void Translate(Stream input, string sourceName, Stream output, IProgress<DocumentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sniffed = SniffedInput.Open(input);
        var format = _options.Format ?? DocumentFormatDetector.Detect(sourceName, sniffed.Head);
        if (format != DocumentFormat.Docx)
        {
            using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            new DocumentTranslator(translator, _options with { Format = format }).Translate(sniffed, sourceName, writer, progress, cancellationToken);
            return;
        }
        // XLIFF carries the original package, which the extractor's editable copy does not stay; nothing else needs it.
        using var package = _options.Bilingual == BilingualFormat.Xliff ? BoundedBytes.Read(sniffed, sourceName, _options.MaxDocxBytes) : null;
        var document = DocumentExtractor.ExtractWord(package is null ? sniffed : new MemoryStream(package.GetBuffer(), 0, (int)package.Length, writable: false), sourceName,
            translator.SourceLanguage, translator.TargetLanguage, _options);
        var merged = new SegmentTranslationStep(translator, _options).Translate(document, Reporter(progress), cancellationToken);
        if (_options.Bilingual is not { } bilingual)
        {
            merged.WriteTo(output);
            return;
        }
        using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        var pairs = bilingual == BilingualFormat.Xliff ? null
            : SegmentPairWriter.Create(bilingual, text, translator.SourceLanguage, translator.TargetLanguage, Path.GetFileName(sourceName));
        // XLIFF carries the package as base64, so that merge can write the edited translation back into it.
        WriteBilingual(package is null ? "" : Convert.ToBase64String(package.GetBuffer(), 0, (int)package.Length, Base64FormattingOptions.InsertLineBreaks), sourceName, merged, document, text, pairs);
        pairs?.Complete();
    }

    /// <summary>Translates a document held in a string; the result is the translated document, or the bilingual view.</summary>
    public string Translate(string document, DocumentFormat format, CancellationToken cancellationToken = default)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(document));
        using var output = new StringWriter();
        new DocumentTranslator(translator, _options with { Format = format, InputEncoding = null }) { NamesInput = false }.Translate(input, "document", output, null, cancellationToken);
        return output.ToString();
    }

    /// <summary>Translates plain texts together, as one document, so that their sentences share engine batches; each
    /// comes back with its own lines and line ends (LF, CRLF or a lone CR).</summary>
    public IReadOnlyList<string> TranslatePlainTexts(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var lines = texts.Select(text => TextLines.Split(text).ToList()).ToList();
        int count = lines.Sum(l => l.Count);
        if (count == 0)
        {
            return texts;
        }
        // The lines hold no line ends, and plain text keeps its line count: line k of the result translates line k.
        var translated = Translate(string.Join('\n', lines.SelectMany(l => l).Select(l => l.Line)), DocumentFormat.Text, cancellationToken).Split('\n');
        if (translated.Length != count)
        {
            throw new InvalidOperationException($"the plain text translator returned {translated.Length} lines for {count}");
        }
        int next = 0;
        return [.. lines.Select(textLines => string.Concat(textLines.Select(line => translated[next++] + line.End)))];
    }

    private void TranslateWhole(string text, DocumentFormat format, string sourceName, SegmentTranslationStep step, TextWriter output, SegmentPairWriter? pairs,
        IProgress<DocumentProgress>? progress, CancellationToken cancellationToken)
    {
        if (format == DocumentFormat.Xliff && _options.Bilingual == BilingualFormat.Xliff)
        {
            throw new TarjamaException($"{sourceName}: an XLIFF file is translated as XLIFF (its targets filled); --bilingual xliff takes text, Markdown, HTML or XML");
        }
        var document = DocumentExtractor.Extract(text, format, translator.SourceLanguage, translator.TargetLanguage, _options, NamesInput ? sourceName : null);
        var merged = step.Translate(document, Reporter(progress), cancellationToken);
        if (_options.Bilingual is null)
        {
            output.Write(merged.Render());
            return;
        }
        WriteBilingual(text, sourceName, merged, document, output, pairs);
    }

    /// <summary>The bilingual view: XLIFF, with <paramref name="original"/> inside it (a Word package in base64), or
    /// the segment pairs.</summary>
    private void WriteBilingual(string original, string sourceName, MergedDocument merged, ExtractedDocument document, TextWriter output, SegmentPairWriter? pairs)
    {
        if (pairs is null)
        {
            XliffWriter.Write(output, original, Path.GetFileName(sourceName), merged, document, _options.XliffVersion);
            return;
        }
        foreach (var segment in merged.Segments)
        {
            pairs.Write(segment);
        }
    }

    private static Action<int, int> Reporter(IProgress<DocumentProgress>? progress) =>
        (done, total) => progress?.Report(new DocumentProgress(done, total == 0 ? 1 : (double)done / total));

    /// <summary>The input's bytes, for HTML, whose encoding is told from them and from what the page declares.</summary>
    private static byte[] ReadBytes(SniffedInput input)
    {
        using var bytes = new MemoryStream();
        input.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string ReadAll(Utf8LineReader reader, string sourceName)
    {
        var text = new StringBuilder();
        foreach (var line in reader.ReadLines())
        {
            InputCheck.RejectNul(line, reader.LineOffset, sourceName);
            text.Append(line).Append(reader.LineEnd);
        }
        return text.ToString();
    }
}
