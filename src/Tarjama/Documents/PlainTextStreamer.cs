using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Translates plain text a window of lines at a time, so memory stays bounded however long the input is:
/// every line is a paragraph, written back with its indentation, blank lines and each line's own ending (LF, CRLF or CR, or none) as they were.</summary>
internal static class PlainTextStreamer
{
    public static void Translate(Utf8LineReader reader, SniffedInput input, string sourceName, Func<List<IReadOnlyList<InlinePiece>>, int, ExtractedDocument> extract,
        SegmentTranslationStep translator, int windowCharacters,
        TextWriter output, SegmentPairWriter? pairs, IProgress<DocumentProgress>? progress, CancellationToken cancellationToken)
    {
        var window = new List<IReadOnlyList<InlinePiece>>();
        var lineEnds = new List<string>(); // each window line's own ending, written back after it
        int characters = 0;
        int paragraph = 0;
        long segments = 0;
        double? windowStart = 0;
        void TranslateWindow()
        {
            double? windowEnd = input.Fraction;
            var document = extract(window, paragraph);
            var merged = translator.Translate(document, (done, total) =>
                progress?.Report(new DocumentProgress(segments + done, windowStart + ((windowEnd - windowStart) * done / Math.Max(total, 1)))), cancellationToken);
            foreach (var segment in merged.Segments)
            {
                pairs?.Write(segment);
            }
            foreach (var (block, lineEnd) in document.Blocks.Zip(lineEnds))
            {
                if (pairs is null)
                {
                    output.Write(BlockText.Render(block));
                    output.Write(lineEnd);
                }
                paragraph++;
            }
            segments += merged.Segments.Count;
            output.Flush();
            (window, lineEnds, characters, windowStart) = ([], [], 0, windowEnd);
        }
        foreach (var line in reader.ReadLines())
        {
            InputCheck.RejectNul(line, reader.LineOffset, sourceName);
            window.Add([new InlinePiece(PieceKind.Text, line)]);
            lineEnds.Add(reader.LineEnd);
            characters += line.Length + 1;
            if (characters >= windowCharacters)
            {
                TranslateWindow();
            }
        }
        if (window.Count > 0)
        {
            TranslateWindow();
        }
    }
}
