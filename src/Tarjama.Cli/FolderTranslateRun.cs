using System.CommandLine;
using Tarjama.Jobs;
using Tarjama.Translation;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary><c>tarjama translate -i folder/ -o folder.en/</c>: every supported file, resumable, with a summary at the end.</summary>
internal static class FolderTranslateRun
{
    public static int Run(ParseResult parse, ModelOptions model, DocumentOptions document, string inputFolder, string? outputFolder, CancellationToken cancellation)
    {
        if (outputFolder is null or "-")
        {
            throw new TarjamaException("a folder input needs an output folder (-o)");
        }
        var options = document.TranslationOptions(parse);
        if (options.Bilingual is not null)
        {
            throw new TarjamaException("--bilingual writes one file; it does not take a folder input");
        }
        var translatorOptions = model.Read(parse, document.SourceLanguage(parse), document.TargetLanguage(parse));
        var folder = model.ResolveFolder(parse, cancellation);
        using var engine = Translator.Load(folder, translatorOptions);
        document.CheckLanguages(parse, engine);
        var fingerprint = SegmentKey.Fingerprint(Path.GetFullPath(folder), translatorOptions);
        var translator = new FolderTranslator(engine, fingerprint, options, chunkSegments: translatorOptions.BatchSize * 4);
        FolderSummary summary;
        try
        {
            summary = translator.Translate(inputFolder, outputFolder, Console.IsErrorRedirected ? null : file => Console.Error.WriteLine($"translating {file}"), cancellation);
        }
        catch (OperationCanceledException)
        {
            throw new InterruptedException($"the files and segments finished are kept in {outputFolder}; the same command goes on from there");
        }
        Console.Error.WriteLine($"tarjama: {Counted.Of(summary.Files, "file")} translated, {summary.Skipped.Count} skipped, {summary.Failed.Count} failed; " +
            $"{Counted.Of(summary.Segments, "segment")} ({summary.Translated} translated now, {summary.Reused} from the journal)");
        foreach (var (path, reason) in summary.Skipped)
        {
            Console.Error.WriteLine($"  skipped {path}: {reason}");
        }
        foreach (var (path, error) in summary.Failed)
        {
            Console.Error.WriteLine($"  failed {path}: {DocumentEncodingAdvice.Advised(error).Message}");
        }
        return summary.Failed.Count == 0 ? 0 : CommandGuard.UserError;
    }
}
