using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarjama.Tests.Cli;

/// <summary>Whole documents through the real engine (the tiny reference model): structure in equals structure out.</summary>
public class TranslateDocumentCliTests
{
    private static readonly string[] Fast = ["-m", Fixtures.ReferenceModel, "--beams", "1", "--max-new-tokens", "12"];

    private static CliRunner.Result Translate(string input, params string[] extra) =>
        CliRunner.Run(input, ["translate", .. Fast, .. extra]);

    [Fact]
    public void The_example_article_keeps_its_18_paragraphs_and_its_headings_in_place()
    {
        string article = File.ReadAllText(Fixtures.Path("documents", "syria-russia-visit.ar.txt"));
        var result = Translate(article, "--format", "text");
        Assert.Equal(0, result.ExitCode);
        var paragraphs = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(18, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));

        var sourceLines = article.TrimEnd('\n').Split('\n');
        int[] headings = [1, 5, 11];
        var alone = CliRunner.Run(string.Join("\n", headings.Select(h => sourceLines[h])) + "\n", ["translate", .. Fast, "--sentences"]);
        Assert.Equal(headings.Select(h => paragraphs[h]), alone.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Plain_text_keeps_every_line_end_in_its_own_style(string end)
    {
        foreach (var text in new[] { $"قال الرئيس إن التعاون جيد.{end}{end}وأضاف أن الزيارة مهمة.{end}", $"قال الرئيس إن التعاون جيد.{end}{end}وأضاف أن الزيارة مهمة." })
        {
            var result = Translate(text, "--format", "text");
            Assert.Equal(0, result.ExitCode);
            var lines = Regex.Split(result.Stdout, "\r\n|\r|\n");
            Assert.Equal(Regex.Matches(text, "\r\n|\r|\n").Select(m => m.Value), Regex.Matches(result.Stdout, "\r\n|\r|\n").Select(m => m.Value));
            Assert.Equal(["", ""], [lines[1], text.EndsWith(end, StringComparison.Ordinal) ? lines[3] : ""]);
            Assert.DoesNotContain("قال", result.Stdout);
        }
    }

    [Fact]
    public void Markdown_keeps_headings_lists_and_code()
    {
        string markdown = "# عنوان الخبر\n\nقال الرئيس إن التعاون جيد.\n\n- البند الأول\n- البند الثاني\n\n```\ncode stays\n```\n\nانظر [الرابط](https://example.com/a?b=1).\n";
        var result = Translate(markdown, "--format", "markdown");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("# ", lines[0]);
        Assert.Equal(2, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("```\ncode stays\n```", result.Stdout);
        Assert.Contains("](https://example.com/a?b=1)", result.Stdout);
        Assert.DoesNotContain("عنوان", result.Stdout);
    }

    [Fact]
    public void Html_keeps_its_tags_and_leaves_code_alone()
    {
        string html = "<html lang=\"ar\" dir=\"rtl\"><body><h1>عنوان الخبر</h1><p>قال <b>الرئيس</b> إن التعاون جيد.</p><pre>لا تترجم</pre></body></html>";
        var result = Translate(html, "--format", "html");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("lang=\"en\"", result.Stdout);
        Assert.Contains("dir=\"ltr\"", result.Stdout);
        Assert.Contains("<h1>", result.Stdout);
        Assert.Contains("<b>", result.Stdout);
        Assert.Contains("<pre>لا تترجم</pre>", result.Stdout);
        Assert.DoesNotContain("عنوان", result.Stdout);
    }

    [Fact]
    public void Html_whose_meta_charset_lies_is_read_by_its_bytes_and_written_as_utf8_declaring_utf8()
    {
        string page = "<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"{0}\"></head><body><h1>عنوان الخبر</h1><p>قال الرئيس إن التعاون جيد.</p></body></html>";
        var arabic1256 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        foreach (var bytes in new[] { System.Text.Encoding.UTF8.GetBytes(string.Format(page, "windows-1256")), arabic1256.GetBytes(string.Format(page, "utf-8")) })
        {
            var result = CliRunner.Run(bytes, ["translate", .. Fast, "--format", "html"]);
            Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
            Assert.Contains("<meta charset=\"utf-8\">", result.Stdout);
            Assert.DoesNotContain("عنوان", result.Stdout);
            Assert.DoesNotMatch("[\uFFFD\u00C0-\u00FF]", result.Stdout); // no replacement characters, no bytes read as Latin-1
        }
    }

    [Fact]
    public void Encoding_reads_arabic_windows_text_and_writes_utf8_and_an_unknown_name_is_one_line()
    {
        var arabic1256 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        string text = "قال الرئيس إن التعاون جيد.\n\nوأضاف أن الزيارة مهمة.\n";
        var refused = CliRunner.Run(arabic1256.GetBytes(text), ["translate", .. Fast, "--format", "text"]);
        Assert.Equal((2, $"tarjama: error: standard input: {NotUtf8(0)}\n"), (refused.ExitCode, refused.Stderr));

        var result = CliRunner.Run(arabic1256.GetBytes(text), ["translate", .. Fast, "--format", "text", "--encoding", "windows-1256"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Translate(text, "--format", "text").Stdout, result.Stdout);

        var unknown = CliRunner.Run(arabic1256.GetBytes(text), ["translate", .. Fast, "--encoding", "arabic-dos-9"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("tarjama: error: --encoding arabic-dos-9: not an encoding name this system knows (e.g. windows-1256, iso-8859-6, utf-16)", unknown.Stderr);
        Assert.Single(unknown.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_document_file_or_folder_file_that_is_not_utf8_is_refused_naming_encoding_and_a_glossary_naming_iconv()
    {
        // Before, a document was only advised to be converted with iconv, though --encoding windows-1256 reads it as it is.
        var arabic1256 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        var folder = Directory.CreateTempSubdirectory("tarjama-not-utf8-").FullName;
        try
        {
            string input = Path.Combine(folder, "in"), output = Path.Combine(folder, "out"), story = Path.Combine(input, "story.txt");
            Directory.CreateDirectory(input);
            File.WriteAllBytes(story, arabic1256.GetBytes("قال الرئيس إن التعاون جيد.\n"));
            var file = CliRunner.Run([], ["translate", .. Fast, "-i", story]);
            Assert.Equal((2, $"tarjama: error: {story}: {NotUtf8(0)}\n"), (file.ExitCode, file.Stderr));
            var run = CliRunner.Run([], ["translate", .. Fast, "-i", input, "-o", output]);
            Assert.Equal(2, run.ExitCode);
            Assert.EndsWith($"\n  failed story.txt: {story}: {NotUtf8(0)}\n", run.Stderr);
            Assert.Equal(0, CliRunner.Run([], ["translate", .. Fast, "--encoding", "windows-1256", "-i", input, "-o", output]).ExitCode);

            // A glossary (like a memory, or a line per model input with --sentences) has no --encoding: convert it.
            string glossary = Path.Combine(folder, "terms.ar-en.tsv");
            File.WriteAllBytes(glossary, arabic1256.GetBytes("حميميم\tHmeimim\n"));
            var terms = CliRunner.Run([], ["translate", .. Fast, "--glossary", glossary, "-i", Path.Combine(output, "story.txt")]);
            Assert.Equal(2, terms.ExitCode);
            Assert.EndsWith($"{glossary}: invalid UTF-8 at byte offset 0; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)\n", terms.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string NotUtf8(long offset) =>
        $"invalid UTF-8 at byte offset {offset}; if it is in another encoding, read it as it is with --encoding (e.g. --encoding windows-1256 for Arabic Windows text)";

    [Fact]
    public void A_markdown_or_html_file_nested_past_the_limit_is_named_in_its_error_as_xml_files_are()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-deep-").FullName;
        try
        {
            string markdown = Path.Combine(folder, "deep.md"), html = Path.Combine(folder, "deep.html");
            File.WriteAllText(markdown, string.Concat(Enumerable.Repeat("> ", 70)) + "مرحبا\n");
            File.WriteAllText(html, string.Concat(Enumerable.Repeat("<div>", 300)) + "مرحبا\n");
            var result = Translate("", "-i", markdown);
            Assert.Equal((2, $"tarjama: error: {markdown}: the Markdown nests deeper than 64 levels (line 1 reaches 70); flatten it, or send it as plain text\n"),
                (result.ExitCode, result.Stderr));
            result = Translate("", "-i", html);
            Assert.Equal((2, $"tarjama: error: {html}: the HTML nests deeper than 256 levels (line 1 reaches 257); flatten it, or send it as plain text\n"),
                (result.ExitCode, result.Stderr));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Bilingual_jsonl_has_one_record_per_segment()
    {
        string text = "قال الرئيس إن التعاون جيد. وأضاف أن موسكو مستعدة.\n\nنتائج جيدة للبلدين\n";
        var result = Translate(text, "--format", "text", "--bilingual", "jsonl");
        Assert.Equal(0, result.ExitCode);
        var records = result.Stdout.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([(0, 0), (0, 1), (2, 0)], records.Select(r => (r.GetProperty("paragraph").GetInt32(), r.GetProperty("segment").GetInt32())));
        Assert.Equal("وأضاف أن موسكو مستعدة.", records[1].GetProperty("source").GetString());
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("target").GetString())));
    }

    [Fact]
    public void A_word_document_goes_out_as_xliff_and_merge_writes_it_back_as_the_translated_word_document()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-word-xliff-");
        try
        {
            string docx = Fixtures.Path("documents", "libreoffice-story.ar.docx"), xliff = Path.Combine(folder.FullName, "story.xlf");
            string merged = Path.Combine(folder.FullName, "story.en.docx"), direct = Path.Combine(folder.FullName, "direct.en.docx");
            Assert.Equal(0, CliRunner.Run("", ["translate", .. Fast, "-i", docx, "--bilingual", "xliff", "-o", xliff]).ExitCode);
            Assert.Equal(0, CliRunner.Run("", ["translate", .. Fast, "-i", docx, "-o", direct]).ExitCode);
            var result = CliRunner.Run("", "merge", xliff, "-o", merged);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.Equal(WordText(direct), WordText(merged));
            Assert.NotEqual(WordText(docx), WordText(merged));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The text of a Word document's body, read from its package.</summary>
    private static string WordText(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return string.Concat(System.Xml.Linq.XDocument.Parse(reader.ReadToEnd()).Descendants(System.Xml.Linq.XName.Get("t", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")).Select(t => t.Value));
    }

    [Fact]
    public void An_xliff_name_on_a_file_that_is_not_xml_is_named_by_translate_and_merge_alike()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-xliff-");
        try
        {
            string path = Path.Combine(folder.FullName, "story.xlf");
            File.WriteAllText(path, "hello world\nthis is not XML\n");
            foreach (var result in new[] { CliRunner.Run("", ["translate", .. Fast, "-i", path]), CliRunner.Run("", "merge", path) })
            {
                Assert.Equal(2, result.ExitCode);
                var line = Assert.Single(result.Stderr.Trim().Split('\n'));
                Assert.StartsWith($"tarjama: error: {path}: not well-formed XML at line 1, column 1", line);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
