using System.CommandLine;
using Tarjama.Quality;
using Tarjama.Terminology;
using Tarjama.Text;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary><c>tarjama translate</c>: sentences (one model input per line) or whole documents.</summary>
internal static class TranslateCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var input = new Option<string?>("--input", "-i") { Description = "Input file (default: standard input), or a folder: every text, Markdown, HTML, XML, XLIFF and Word (.docx) file in it, resumably" };
        var output = new Option<string?>("--output-file", "-o") { Description = "Output file (default: standard output), written whole at the end and never over the input; or the output folder of a folder input" };
        var sentences = new Option<bool>("--sentences") { Description = "Each input line is one model input, exactly as given; one output line per input line" };
        var format = new Option<string>("--output") { Description = "Sentence-mode output: text, or jsonl (source, translation, token_ids, score; alternatives with --n-best)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("translate", "Translate a document (text, Markdown, HTML, XML, XLIFF or Word, structure kept), or one sentence per line with --sentences.");
        model.AddTo(command, withNBest: true);
        var document = DocumentOptions.AddTo(command);
        var terminology = TerminologyOptions.AddTo(command);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(sentences);
        command.Options.Add(format);
        command.OnlyWhen(document.All.Except([document.From, document.To]), result => !result.Given(sentences),
            "is for documents; --sentences sends each line to the model exactly as given (drop one of them)");
        command.OnlyWhen([model.NBest], result => result.GetValue(model.NBest) is null or 1 || result.GetValue(format) == "jsonl",
            "needs --output jsonl (text output has one line per input)");
        command.OnlyWhen([document.Memory.Files], result => !result.Given(sentences), "works on documents, not with --sentences (the engine alone)");
        command.OnlyWhen([format], result => result.Given(sentences),
            "is for --sentences (text or jsonl); for a document's segments side by side use --bilingual jsonl|tmx|html");
        command.SetAction(parse => CommandGuard.Run(cancellation =>
        {
            bool sentenceMode = parse.GetValue(sentences);
            if (!sentenceMode && Directory.Exists(parse.GetValue(input)))
            {
                return FolderTranslateRun.Run(parse, model, document, parse.GetValue(input)!, parse.GetValue(output), cancellation);
            }
            var terminal = TerminalProgress.OnStandardError(sentenceMode ? "line" : "segment");
            // Both files are opened before the model loads, which may download it: a mistyped path fails at once.
            using var source = CliInput.Open(parse.GetValue(input));
            using var target = CliOutput.Open(parse.GetValue(output), source, terminal);
            bool jsonl = sentenceMode && parse.GetValue(format) == "jsonl";
            using var translator = model.Load(parse, document.SourceLanguage(parse), document.TargetLanguage(parse), cancellation, printsScores: jsonl);
            var terms = terminology.Terms(parse, translator);
            var quality = new SegmentQualityChecker(translator.SourceLanguage, translator.TargetLanguage, terms);
            var tally = new TranslationTally(sentenceMode ? "line" : "segment", terminal);
            try
            {
                if (sentenceMode)
                {
                    var results = new SentenceWriter(target.Writer, jsonl);
                    TranslateLines(translator, terms, quality, source, results, target.Writer, tally, cancellation);
                }
                else
                {
                    document.Run(parse, TerminologyOptions.Enforcing(translator, terms), source, target, tally, quality, cancellation);
                }
                target.Commit();
            }
            catch (OperationCanceledException)
            {
                target.CommitFinishedPart();
                throw new InterruptedException(tally.HowFar(target));
            }
            catch (TarjamaException)
            {
                target.CommitFinishedPart();
                throw;
            }
            tally.Finish(target.Name, quality.Summary());
            return terminology.Finish(parse, quality);
        }));
        return command;
    }

    /// <summary>Lines per call to the engine: enough for full batches sorted by length, few enough to write out often.</summary>
    public static int Window(int batchSize) => Math.Max(64, batchSize * 4);

    /// <summary>Translates line windows as they are read and writes each window out at once, so a bad line later in
    /// the input loses nothing already done: lines read before it are translated and written, then the error stands.</summary>
    private static void TranslateLines(Translator translator, TermMatcher? terms, SegmentQualityChecker quality, CliInput input, SentenceWriter results, TextWriter output,
        TranslationTally tally, CancellationToken cancellation)
    {
        int window = Window(translator.BatchSize);
        var lines = new List<string>(window);
        long written = 0;
        using var reader = new Utf8LineReader(input.Stream, input.Name);
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
                if (lines.Count == window)
                {
                    Flush();
                }
            }
        }
        finally
        {
            Flush();
        }

        void Flush()
        {
            foreach (var result in translator.TranslateDetailed(lines, terms is null ? [] : [.. lines.Select(terms.Match)], cancellation))
            {
                results.Write(result);
                quality.Check(result.Source, result.Translation);
            }
            output.Flush();
            written += lines.Count;
            lines.Clear();
            tally.Report(written, input.Fraction(reader.LineOffset));
        }
    }
}
