using System.CommandLine;
using Tarjama.Documents;
using Tarjama.Text;

// The binder is internal; its tests live in Tarjama.Tests.

namespace Tarjama.Cli;

/// <summary>The document options of <c>tarjama translate</c>, and the document translation they describe:
/// <c>--format</c>, <c>--encoding</c>, <c>--from</c>, <c>--to</c>, <c>--bilingual</c>, <c>--no-normalize</c>, <c>--strip-diacritics</c>, <c>--verbatim</c>.</summary>
internal sealed class DocumentOptions
{
    private DocumentOptions()
    {
    }

    public Option<DocumentFormat?> Format { get; } = NamedValues.Create(
        "--format",
        "The input's format: text (every line a paragraph), markdown, html, xml or xliff (a CAT tool's file, its empty targets filled) [default: from the file's extension, then its content]",
        [("text", DocumentFormat.Text), ("txt", DocumentFormat.Text), ("markdown", DocumentFormat.Markdown), ("md", DocumentFormat.Markdown),
            ("html", DocumentFormat.Html), ("htm", DocumentFormat.Html), ("xml", DocumentFormat.Xml), ("xliff", DocumentFormat.Xliff),
            ("xlf", DocumentFormat.Xliff)]);

    private readonly (Option<string?> From, Option<string?> To) _direction = LanguageOptions.ModelDirection();

    public Option<string?> From => _direction.From;

    public Option<string?> To => _direction.To;

    public Option<System.Text.Encoding?> Encoding { get; } = EncodingOption.Create();

    public Option<BilingualFormat?> Bilingual { get; } = NamedValues.Create(
        "--bilingual", "Write source and translation side by side instead of the translated document: jsonl, tmx, html or xliff", NamedValues.Of<BilingualFormat>());

    public Option<string> XliffVersion { get; } = XliffVersionOption.Create();

    public MemoryOptions Memory { get; } = new();

    public Option<bool> NoNormalize { get; } = new("--no-normalize")
    {
        Description = "Send the source as written: no Arabic-Indic digits to ASCII, tatweel, presentation-form or invisible-character clean-up",
    };

    public Option<bool> StripDiacritics { get; } = new("--strip-diacritics") { Description = "Remove Arabic diacritics (harakat) before translation" };

    public Option<string[]> Verbatim { get; } = new Option<string[]>("--verbatim")
    {
        Description = "Text to keep exactly as written, e.g. a name (repeatable); text between {{ and }} is always kept",
        Arity = ArgumentArity.OneOrMore,
    }.NotBlank("text to keep");

    /// <summary>Every document option.</summary>
    public IEnumerable<Option> All => [Format, Encoding, From, To, Bilingual, XliffVersion, NoNormalize, StripDiacritics, Verbatim];

    /// <summary>Adds the document options to <paramref name="command"/>; read them back with the returned object.</summary>
    public static DocumentOptions AddTo(Command command)
    {
        var options = new DocumentOptions();
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }
        options.Memory.AddTo(command);
        return options;
    }

    /// <summary>The <c>--from</c> language, to choose the model by; null when not given.</summary>
    public string? SourceLanguage(ParseResult parse) => parse.GetValue(From);

    /// <summary>The <c>--to</c> language, to choose the model by; null when not given.</summary>
    public string? TargetLanguage(ParseResult parse) => parse.GetValue(To);

    public DocumentTranslationOptions TranslationOptions(ParseResult parse) => new()
    {
        Format = parse.GetValue(Format),
        InputEncoding = parse.GetValue(Encoding),
        Bilingual = parse.GetValue(Bilingual),
        XliffVersion = XliffVersionOption.Parse(parse.GetValue(XliffVersion)),
        Normalization = new TextNormalizationOptions(Enabled: !parse.GetValue(NoNormalize), StripDiacritics: parse.GetValue(StripDiacritics)),
        Verbatim = parse.GetValue(Verbatim) ?? [],
    };

    /// <summary>Translates the document <paramref name="input"/> into <paramref name="output"/> with <paramref name="translator"/>,
    /// as the parsed options say.</summary>
    /// <exception cref="TarjamaException">Input that is not UTF-8 text, an unwritable output, or a translator for other
    /// languages than --from and --to.</exception>
    /// <param name="quality">Checks every translated segment (and marks them in bilingual output); null for none.</param>
    public void Run(ParseResult parse, ISegmentTranslator translator, CliInput input, CliOutput output,
        IProgress<DocumentProgress>? progress = null, Quality.SegmentQualityChecker? quality = null, CancellationToken cancellationToken = default)
    {
        CheckLanguages(parse, translator);
        var (memories, fuzzy) = Memory.Open(parse, translator.SourceLanguage, translator.TargetLanguage);
        using var closeMemories = new MemoryOwner(memories);
        try
        {
            new DocumentTranslator(translator, TranslationOptions(parse) with { Quality = quality, Memories = memories, FuzzyThreshold = fuzzy })
                .Translate(input.Stream, input.Name, output.Stream, progress, cancellationToken);
        }
        catch (InvalidUtf8Exception e)
        {
            throw DocumentEncodingAdvice.Advised(e);
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
}
