using System.CommandLine;
using Tarjama.Text;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary><c>tarjama translate</c>: sentences (one model input per line) or whole documents.</summary>
internal static class TranslateCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var input = new Option<string?>("--input", "-i") { Description = "Input file (default: standard input)" };
        var output = new Option<string?>("--output-file", "-o") { Description = "Output file (default: standard output)" };
        var sentences = new Option<bool>("--sentences") { Description = "Each input line is one model input, exactly as given; one output line per input line" };
        var format = new Option<string>("--output") { Description = "Sentence-mode output: text, or jsonl (source, translation, token_ids, score)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var command = new Command("translate", "Translate a document (text, Markdown or HTML, structure kept), or one sentence per line with --sentences.");
        model.AddTo(command);
        var document = DocumentOptions.AddTo(command);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(sentences);
        command.Options.Add(format);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string? inputPath = parse.GetValue(input);
            if (!parse.GetValue(sentences))
            {
                using var documentTranslator = model.Load(parse, document.TargetLanguage(parse));
                document.Run(parse, documentTranslator, inputPath, parse.GetValue(output));
                return 0;
            }
            if (parse.GetValue(document.Memory.Files) is { Length: > 0 })
            {
                throw new TarjamaException("--tm works on documents, not with --sentences (the engine alone)");
            }
            using var translator = model.Load(parse);
            using var stream = CliStreams.OpenInput(inputPath);
            using var writer = CliStreams.OpenOutput(parse.GetValue(output));
            TranslateLines(translator, new Utf8LineReader(stream, CliStreams.InputName(inputPath)), new SentenceWriter(writer, parse.GetValue(format) == "jsonl"), writer);
            return 0;
        }));
        return command;
    }

    /// <summary>Translates line windows as they are read and writes each window out at once, so a bad line later in
    /// the input loses nothing already done: lines read before it are translated and written, then the error stands.</summary>
    private static void TranslateLines(MarianTranslator translator, Utf8LineReader reader, SentenceWriter results, TextWriter output)
    {
        int window = Math.Max(64, translator.BatchSize * 4);
        var lines = new List<string>(window);
        using (reader)
        {
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
        }

        void Flush()
        {
            foreach (var result in translator.TranslateDetailed(lines))
            {
                results.Write(result);
            }
            output.Flush();
            lines.Clear();
        }
    }
}
