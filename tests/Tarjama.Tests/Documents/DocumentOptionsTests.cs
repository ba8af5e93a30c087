using System.CommandLine;
using Tarjama.Cli;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

public sealed class DocumentOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-documents-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (DocumentOptions Options, ParseResult Parse) Parse(params string[] args)
    {
        var command = new RootCommand();
        var options = DocumentOptions.AddTo(command);
        return (options, command.Parse(args));
    }

    [Fact]
    public void DefaultsToTheModelsDirectionDetectedFormatNormalisedDocument()
    {
        var (options, parse) = Parse();
        Assert.Empty(parse.Errors);
        Assert.Equal((null, null), (options.SourceLanguage(parse), options.TargetLanguage(parse)));
        var translation = options.TranslationOptions(parse);
        Assert.Equal((null, null, true, false), (translation.Format, translation.Bilingual, translation.Normalization.Enabled, translation.Normalization.StripDiacritics));
        Assert.Empty(translation.Verbatim);
    }

    [Fact]
    public void ReadsEveryDocumentOption()
    {
        var (options, parse) = Parse("--format", "markdown", "--from", "en", "--to", "ar", "--bilingual", "tmx", "--no-normalize", "--strip-diacritics",
            "--verbatim", "Tarjama", "--verbatim", "Ahmad al-Shara");
        Assert.Empty(parse.Errors);
        Assert.Equal(("en", "ar"), (options.SourceLanguage(parse), options.TargetLanguage(parse)));
        var translation = options.TranslationOptions(parse);
        Assert.Equal((DocumentFormat.Markdown, BilingualFormat.Tmx, false, true),
            (translation.Format, translation.Bilingual, translation.Normalization.Enabled, translation.Normalization.StripDiacritics));
        Assert.Equal(["Tarjama", "Ahmad al-Shara"], translation.Verbatim);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--bilingual", "csv")]
    public void RejectsValuesItDoesNotKnow(string option, string value) => Assert.NotEmpty(Parse(option, value).Parse.Errors);

    [Theory]
    [InlineData("md", DocumentFormat.Markdown)]
    [InlineData("Markdown", DocumentFormat.Markdown)]
    [InlineData("htm", DocumentFormat.Html)]
    [InlineData("txt", DocumentFormat.Text)]
    public void AcceptsTheFormatNamesPeopleType(string name, DocumentFormat format)
    {
        var (options, parse) = Parse("--format", name);
        Assert.Empty(parse.Errors);
        Assert.Equal(format, options.TranslationOptions(parse).Format);
    }

    private static void Run(DocumentOptions options, ParseResult parse, ISegmentTranslator translator, string input, string? output)
    {
        using var source = CliInput.Open(input);
        using var target = CliOutput.Open(output, source);
        options.Run(parse, translator, source, target);
        target.Commit();
    }

    [Fact]
    public void TranslatesAFileIntoAFile()
    {
        var (input, output) = (Path.Combine(_folder, "in.md"), Path.Combine(_folder, "out.md"));
        File.WriteAllText(input, "# عنوان\n\nنص **مهم**.\n");
        var (options, parse) = Parse();
        Run(options, parse, new LatinizingTranslator(), input, output);
        Assert.Equal(LatinizingTranslator.Latinize("# عنوان\n\nنص **مهم**.\n"), File.ReadAllText(output));
    }

    [Fact]
    public void WritesTheBilingualViewWhenAsked()
    {
        var (input, output) = (Path.Combine(_folder, "in.txt"), Path.Combine(_folder, "out.jsonl"));
        File.WriteAllText(input, "جملة. أخرى.\n");
        var (options, parse) = Parse("--bilingual", "jsonl");
        Run(options, parse, new LatinizingTranslator(), input, output);
        Assert.Equal(2, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void ExplainsWhatIsWrongWithTheFilesOrLanguages()
    {
        var (options, parse) = Parse();
        var input = Path.Combine(_folder, "in.txt");
        Assert.Contains("cannot read", Assert.Throws<TarjamaException>(() => Run(options, parse, new LatinizingTranslator(), Path.Combine(_folder, "missing.txt"), null)).Message);
        File.WriteAllText(input, "نص");
        Assert.Contains("is the input", Assert.Throws<TarjamaException>(() => Run(options, parse, new LatinizingTranslator(), input, input)).Message);
        Assert.Contains("cannot write", Assert.Throws<TarjamaException>(() => Run(options, parse, new LatinizingTranslator(), input, Path.Combine(_folder, "no", "out.txt"))).Message);
        var (explicitOptions, arabicToEnglish) = Parse("--from", "ar", "--to", "en");
        Assert.Contains("translates en to ar, not ar to en", Assert.Throws<TarjamaException>(() => Run(explicitOptions, arabicToEnglish, new LatinizingTranslator("en", "ar"), input, null)).Message);
    }
}
