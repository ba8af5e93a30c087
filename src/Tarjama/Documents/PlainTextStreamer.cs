using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Translates plain text a window of lines at a time, so memory stays bounded however long the input is:
/// every line is a paragraph, written back with its indentation, blank lines and line ends as they were.</summary>
internal static class PlainTextStreamer
{
    public static void Translate(Utf8LineReader reader, SniffedInput input, string sourceName, Func<List<IReadOnlyList<InlinePiece>>, int, ExtractedDocument> extract,
        SegmentTranslationStep translator, int windowCharacters,
        TextWriter output, SegmentPairWriter? pairs, IProgress<DocumentProgress>? progress, CancellationToken cancellationToken)
    {
        var window = new List<IReadOnlyList<InlinePiece>>();
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
            foreach (var block in document.Blocks)
            {
                if (pairs is null)
                {
                    output.Write(paragraph > 0 ? input.NewLine : "");
                    output.Write(BlockText.Render(block));
                }
                paragraph++;
            }
            segments += merged.Segments.Count;
            output.Flush();
            (window, characters, windowStart) = ([], 0, windowEnd);
        }
        foreach (var line in reader.ReadLines())
        {
            InputCheck.RejectNul(line, reader.LineOffset, sourceName);
            window.Add([new InlinePiece(PieceKind.Text, line)]);
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
        if (pairs is null && paragraph > 0 && input.EndsWithNewline)
        {
            output.Write(input.NewLine);
        }
    }
}
