using System.Net;

namespace Tarjama.Documents;

/// <summary>A self-contained web page with the source and its translation side by side, paragraph by paragraph, each
/// column in its own direction; segments alternate shading so a sentence can be found across.</summary>
internal sealed class SideBySideHtmlWriter : SegmentPairWriter
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1d2430; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        th, td { vertical-align: top; padding: .5rem .75rem; border-bottom: 1px solid #dde3ea; line-height: 1.6; }
        th { font-weight: 600; background: #f3f6fa; }
        td[dir=rtl], th[dir=rtl] { text-align: right; font-size: 1.1em; }
        td span:nth-of-type(even) { background: #eef3fb; }
        td.n { width: 3rem; color: #8a94a3; font-size: .8em; text-align: center; }
        td span.qa { background: #fde8e8; outline: 1px solid #e5a0a0; }
        """;

    private readonly TextWriter _output;
    private readonly string _sourceLanguage;
    private readonly string _targetLanguage;
    private readonly List<SegmentPair> _paragraph = [];

    public SideBySideHtmlWriter(TextWriter output, string sourceLanguage, string targetLanguage, string title)
    {
        (_output, _sourceLanguage, _targetLanguage) = (output, sourceLanguage, targetLanguage);
        _output.Write($"""
            <!DOCTYPE html>
            <html lang="{Encode(targetLanguage)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <table>
            <thead><tr><th class="n">#</th>{Header(sourceLanguage)}{Header(targetLanguage)}</tr></thead>
            <tbody>

            """);
    }

    public override void Write(SegmentPair pair)
    {
        if (_paragraph.Count > 0 && _paragraph[0].Paragraph != pair.Paragraph)
        {
            WriteParagraph();
        }
        _paragraph.Add(pair);
    }

    public override void Complete()
    {
        WriteParagraph();
        _output.Write("</tbody>\n</table>\n</body>\n</html>\n");
    }

    private void WriteParagraph()
    {
        if (_paragraph.Count == 0)
        {
            return;
        }
        _output.Write($"<tr><td class=\"n\">{_paragraph[0].Paragraph + 1}</td>");
        _output.Write(Cell(_sourceLanguage, _paragraph.Select(pair => (pair.Source, "", false))));
        _output.Write(Cell(_targetLanguage, _paragraph.Select(pair => (pair.Target, string.Join("\n", pair.Remarks.Prepend(pair.Origin.ToString())), pair.Qa is { Count: > 0 }))));
        _output.Write("</tr>\n");
        _paragraph.Clear();
    }

    private static string Header(string language) =>
        $"<th lang=\"{Encode(language)}\" dir=\"{Text.LanguageCodes.Direction(language)}\">{Encode(language)}</th>";

    /// <summary>A column's cell: its segments, each with where it came from (memory matches, quality findings) as a
    /// tooltip; a translation the quality checks flagged is highlighted.</summary>
    private static string Cell(string language, IEnumerable<(string Text, string Title, bool Flagged)> segments) =>
        $"<td lang=\"{Encode(language)}\" dir=\"{Text.LanguageCodes.Direction(language)}\">{string.Join(" ", segments.Select(Span))}</td>";

    private static string Span((string Text, string Title, bool Flagged) segment) =>
        $"<span{(segment.Flagged ? " class=\"qa\"" : "")}{(segment.Title.Length > 0 ? $" title=\"{Encode(segment.Title)}\"" : "")}>{Encode(segment.Text)}</span>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
