using Tarjama.Documents;

namespace Tarjama.Jobs;

/// <summary>Translates every document a file name's extension names (text, Markdown, HTML, XML, XLIFF, Word) of a folder tree into the same tree under another
/// folder, resumably: finished segments are journaled in the output folder, so the same run started again after a
/// kill translates only what was not finished.</summary>
public sealed class FolderTranslator(ISegmentTranslator engine, string fingerprint, DocumentTranslationOptions options, int chunkSegments)
{
    /// <summary>The journal's file name in the output folder.</summary>
    public const string JournalName = ".tarjama-journal.sqlite";

    /// <summary>The file a run holds locked in the output folder, so that a second run into it stops at once.</summary>
    public const string LockName = ".tarjama-journal.lock";

    /// <exception cref="TarjamaException">The input is not a folder, the output folder cannot be made or journaled in or
    /// another run holds it (a <see cref="StoreException"/> when the journal or a memory fails mid-run: the files
    /// finished before it stay).</exception>
    public FolderSummary Translate(string inputFolder, string outputFolder, Action<string>? starting = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(inputFolder))
        {
            throw new TarjamaException($"{inputFolder}: no such folder");
        }
        var (input, output) = (Path.GetFullPath(inputFolder), Path.GetFullPath(outputFolder));
        if (input == output)
        {
            throw new TarjamaException($"{outputFolder}: the output folder would overwrite the input");
        }
        try
        {
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{outputFolder}: cannot create the output folder ({e.Message})");
        }
        // Two runs into one folder would each translate everything and trip over each other's files.
        using var held = FolderLock.Take(Path.Combine(output, LockName), $"{outputFolder}: the output folder is in use by another run (wait for it to finish, or give this one another -o)",
            reason => $"{outputFolder}: cannot write in the output folder ({reason})");
        TemporaryFiles.RemoveOrphans(output, recursive: true); // files a killed run was writing: no other run writes here now
        using var journal = new TranslationJournal(Path.Combine(output, JournalName));
        var journaled = new JournaledTranslator(engine, journal, fingerprint, chunkSegments);
        var translator = new DocumentTranslator(journaled, options);
        // A Word file is one whatever --format says of the folder's text files.
        var wordTranslator = new DocumentTranslator(journaled, options with { Format = DocumentFormat.Docx });
        var summary = new FolderSummary();
        int files = 0;
        foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(input, file);
            if (IsUnder(file, output))
            {
                continue; // the output folder inside the input: its files are ours
            }
            var format = DocumentFormatDetector.FromExtension(file);
            if (format is null)
            {
                summary.Skipped.Add((relative, "not a supported format (txt, md, html, xml, xlf, docx)"));
                continue;
            }
            starting?.Invoke(relative);
            var counted = new SegmentCount();
            try
            {
                TranslateFile(format == DocumentFormat.Docx ? wordTranslator : translator, file, Path.Combine(output, relative), counted, cancellationToken);
                files++;
                summary.Segments += counted.Segments;
            }
            catch (TarjamaException e) when (e is not StoreException) // a journal or memory that fails stops the run: every file would fail on it
            {
                summary.Failed.Add((relative, e));
            }
            catch (IOException e)
            {
                summary.Failed.Add((relative, e));
            }
        }
        summary.Translated = journaled.Translated;
        summary.Reused = journaled.Reused;
        summary.Files = files;
        return summary;
    }

    /// <summary>Writes beside the target and renames it into place, so a killed run never leaves half a file under its name.</summary>
    private static void TranslateFile(DocumentTranslator translator, string source, string target, IProgress<DocumentProgress> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string? partial = null;
        try
        {
            using (var input = File.OpenRead(source))
            using (var output = TemporaryFiles.Create(target, out partial))
            {
                translator.Translate(input, source, output, progress, cancellationToken); // bytes: a Word document stays one
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (partial is not null)
            {
                File.Delete(partial);
            }
        }
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed class SegmentCount : IProgress<DocumentProgress>
    {
        public long Segments { get; private set; }

        public void Report(DocumentProgress value) => Segments = value.Segments;
    }
}
