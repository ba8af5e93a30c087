using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Tarjama.Documents;
using Tarjama.Text;

// The binder is internal; its tests live in Tarjama.Tests.

namespace Tarjama.Cli;

/// <summary>The document options of <c>tarjama translate</c>, and the document translation they describe:
/// <c>--format</c>, <c>--from</c>, <c>--to</c>, <c>--bilingual</c>, <c>--no-normalize</c>, <c>--strip-diacritics</c>, <c>--verbatim</c>.</summary>
internal sealed class DocumentOptions
{
    private DocumentOptions()
    {
    }

    public Option<DocumentFormat?> Format { get; } = new("--format")
    {
        Description = "The input's format: text (every line a paragraph), markdown or html [default: from the file's extension, then its content]",
    };

    public Option<string?> From { get; } = new("--from") { Description = "The source language [default: the model's]" };

    public Option<string?> To { get; } = new("--to") { Description = "The target language [default: the model's]" };

    public Option<BilingualFormat?> Bilingual { get; } = new("--bilingual")
    {
        Description = "Write source and translation side by side instead of the translated document: jsonl, tmx, html or xliff",
    };

    public Option<string> XliffVersion { get; } = XliffVersionOption.Create();

    public Option<bool> NoNormalize { get; } = new("--no-normalize")
    {
        Description = "Send the source as written: no Arabic-Indic digits to ASCII, tatweel, presentation-form or invisible-character clean-up",
    };

    public Option<bool> StripDiacritics { get; } = new("--strip-diacritics") { Description = "Remove Arabic diacritics (harakat) before translation" };

    public Option<string[]> Verbatim { get; } = new("--verbatim")
    {
        Description = "Text to keep exactly as written, e.g. a name (repeatable); text between {{ and }} is always kept",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Adds the document options to <paramref name="command"/>; read them back with the returned object.</summary>
    public static DocumentOptions AddTo(Command command)
    {
        var options = new DocumentOptions();
        Option[] all = [options.Format, options.From, options.To, options.Bilingual, options.XliffVersion, options.NoNormalize, options.StripDiacritics, options.Verbatim];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
        return options;
    }

    /// <summary>The <c>--from</c> language, to choose the model by; null when not given.</summary>
    public string? SourceLanguage(ParseResult parse) => parse.GetValue(From);

    /// <summary>The <c>--to</c> language, to choose the model by; null when not given.</summary>
    public string? TargetLanguage(ParseResult parse) => parse.GetValue(To);

    public DocumentTranslationOptions TranslationOptions(ParseResult parse) => new()
    {
        Format = parse.GetValue(Format),
        Bilingual = parse.GetValue(Bilingual),
        XliffVersion = XliffVersionOption.Parse(parse.GetValue(XliffVersion)),
        Normalization = new TextNormalizationOptions(Enabled: !parse.GetValue(NoNormalize), StripDiacritics: parse.GetValue(StripDiacritics)),
        Verbatim = parse.GetValue(Verbatim) ?? [],
    };

    /// <summary>Translates the document at <paramref name="inputPath"/> (null or "-": standard input) into
    /// <paramref name="outputPath"/> (null or "-": standard output) with <paramref name="translator"/>, as the parsed options
    /// say; a progress bar goes to standard error when it is a terminal.</summary>
    /// <exception cref="TarjamaException">A missing or unreadable input, an unwritable output, input that is not UTF-8 text,
    /// or a translator for other languages than --from and --to.</exception>
    public void Run(ParseResult parse, ISegmentTranslator translator, string? inputPath, string? outputPath, CancellationToken cancellationToken = default)
    {
        CheckLanguages(parse, translator);
        bool fromStdin = inputPath is null or "-";
        bool toStdout = outputPath is null or "-";
        if (!fromStdin && !toStdout && Path.GetFullPath(inputPath!) == Path.GetFullPath(outputPath!))
        {
            throw new TarjamaException($"{outputPath}: the output would overwrite the input");
        }
        using var input = CliStreams.OpenInput(inputPath);
        using var output = CliStreams.OpenOutput(outputPath);
        var progress = Console.IsErrorRedirected ? null : new TerminalProgressBar(Console.Error);
        try
        {
            new DocumentTranslator(translator, TranslationOptions(parse)).Translate(input, CliStreams.InputName(inputPath), output, progress, cancellationToken);
        }
        finally
        {
            progress?.Clear();
        }
    }

    /// <exception cref="TarjamaException"><paramref name="translator"/> is for other languages than --from and --to.</exception>
    public void CheckLanguages(ParseResult parse, ISegmentTranslator translator)
    {
        var (from, to) = (SourceLanguage(parse) ?? translator.SourceLanguage, TargetLanguage(parse) ?? translator.TargetLanguage);
        if (!LanguageCodes.Same(translator.SourceLanguage, from) || !LanguageCodes.Same(translator.TargetLanguage, to))
        {
            throw new TarjamaException($"the model translates {translator.SourceLanguage} to {translator.TargetLanguage}, not {from} to {to} (--from, --to)");
        }
    }

    /// <summary>One line on a terminal, redrawn at most ten times a second: a bar when the length is known, a count always.</summary>
    private sealed class TerminalProgressBar(TextWriter terminal) : IProgress<DocumentProgress>
    {
        private const int Width = 30;
        private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
        private bool _drawn;

        public void Report(DocumentProgress value)
        {
            if (_drawn && _sinceDrawn.ElapsedMilliseconds < 100 && value.Fraction is not 1.0)
            {
                return;
            }
            var line = value.Fraction is { } fraction
                ? $"[{new string('#', (int)(fraction * Width)).PadRight(Width, '-')}] {(int)(fraction * 100),3}%  {value.Segments} segments"
                : $"{value.Segments} segments";
            terminal.Write($"\r{line}");
            terminal.Flush();
            _drawn = true;
            _sinceDrawn.Restart();
        }

        public void Clear()
        {
            if (_drawn)
            {
                terminal.Write($"\r{new string(' ', Width + 30)}\r");
                terminal.Flush();
            }
        }
    }
}
