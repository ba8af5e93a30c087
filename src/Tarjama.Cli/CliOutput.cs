using System.Text;
using Tarjama.Jobs;

namespace Tarjama.Cli;

/// <summary>What a command writes: standard output, or the file <c>-o</c> names. A regular file is written to a temporary
/// file beside it that replaces it at the end, so that nothing is half-written and an input read as it is written is
/// never cut (one that a killed run left is removed by the next run writing the same file, see <see cref="TemporaryFiles"/>);
/// a device or a pipe is written in place. An output that is the input is refused before anything is written.</summary>
internal sealed class CliOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly CountingWriteStream _stream;
    private readonly string? _temporary;
    private readonly string? _target;
    private bool _closed;

    private CliOutput(Stream stream, string name, string? temporary, string? target)
    {
        _stream = new CountingWriteStream(stream, name);
        Writer = new StreamWriter(_stream, Utf8) { AutoFlush = false };
        (Name, _temporary, _target) = (name, temporary, target);
    }

    /// <summary>The path as given, or "standard output".</summary>
    public string Name { get; }

    public TextWriter Writer { get; }

    /// <summary>The bytes beneath <see cref="Writer"/>, for output that is not text (a Word document); use one or the other.</summary>
    public Stream Stream => _stream;

    /// <summary>True once any byte has reached the file or standard output.</summary>
    public bool HasWritten => _stream.BytesWritten > 0;

    /// <param name="terminalProgress">The progress line on standard error: output to a terminal clears it first.</param>
    /// <exception cref="TarjamaException">The output is the input, or cannot be created.</exception>
    public static CliOutput Open(string? path, CliInput? input, TerminalProgress? terminalProgress = null) =>
        Open(path, input is null ? [] : [new Source(input.Name, input.Identity, input.FullPath)], "the translation", terminalProgress);

    /// <summary>For a command that reads files by path (a memory, glossaries) rather than as a <see cref="CliInput"/>:
    /// an output that is one of them, however it is named, is refused too.</summary>
    /// <exception cref="TarjamaException">The output is one of the inputs, or cannot be created.</exception>
    public static CliOutput Open(string? path, IEnumerable<string> inputPaths) =>
        Open(path, inputPaths.Select(input => new Source(input, FileIdentity.OfPath(input), Path.GetFullPath(input))).ToList(), "the export", null);

    /// <summary>A file the command reads, as far as it can be told apart from the output.</summary>
    private sealed record Source(string Name, FileIdentity? Identity, string? FullPath);

    private static CliOutput Open(string? path, IReadOnlyList<Source> inputs, string what, TerminalProgress? terminalProgress)
    {
        if (path is null or "-")
        {
            var stdoutIdentity = FileIdentity.OfDescriptor(1);
            if (inputs.FirstOrDefault(input => FileIdentity.SameRegularFile(input.Identity, stdoutIdentity)) is { } read)
            {
                throw new TarjamaException($"standard output is the input file {read.Name}: write {what} to another file");
            }
            Stream stdout = Console.OpenStandardOutput();
            return new CliOutput(terminalProgress is not null && !Console.IsOutputRedirected ? new TerminalLineStream(stdout, terminalProgress) : stdout, "standard output", null, null);
        }
        string target = FinalTarget(path);
        var existing = FileIdentity.OfPath(target);
        if (inputs.FirstOrDefault(input => FileIdentity.SameRegularFile(input.Identity, existing)
            || (input.Identity is null && existing is null && input.FullPath == Path.GetFullPath(target))) is { } same)
        {
            throw new TarjamaException($"{path} is the input ({same.Name}): write {what} to another file");
        }
        try
        {
            if (existing is { IsRegularFile: false })
            {
                return new CliOutput(new FileStream(target, FileMode.Open, FileAccess.Write), path, null, null);
            }
            TemporaryFiles.RemoveOrphans(Path.GetDirectoryName(Path.GetFullPath(target))!, target); // what a killed run writing this file left
            var stream = TemporaryFiles.Create(target, out string temporary);
            if (existing is not null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
            }
            return new CliOutput(stream, path, temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string why = e switch
            {
                _ when Directory.Exists(target) => "it is a directory",
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new TarjamaException($"{path}: cannot write it ({why})", e);
        }
    }

    /// <summary>Flushes everything; a file then replaces the one at the path.</summary>
    /// <exception cref="TarjamaException">The disk is full or the file cannot be written.</exception>
    public void Commit()
    {
        if (_closed)
        {
            return;
        }
        Writer.Flush();
        _stream.Complete();
        _closed = true;
        Writer.Dispose();
        if (_temporary is not null)
        {
            try
            {
                File.Move(_temporary, _target!, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TarjamaException($"{Name}: cannot write it ({e.Message})", e);
            }
        }
    }

    /// <summary>After a failure or an interruption: what was finished replaces the file, when there is any and it can be
    /// written; otherwise the file is left as it was. Never throws, so the first error is the one reported.</summary>
    public void CommitFinishedPart()
    {
        try
        {
            if (HasWritten || _temporary is null)
            {
                Commit();
            }
        }
        catch (TarjamaException)
        {
            // The disk is full or gone: the file keeps what it had.
        }
    }

    /// <summary>Removes the temporary file of an output never committed.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        try
        {
            Writer.Dispose();
        }
        catch (TarjamaException)
        {
            // Unwritable output: the temporary file goes anyway, and the error was reported already.
        }
        if (_temporary is not null)
        {
            File.Delete(_temporary);
        }
    }

    // -o through a symlink writes the file it points to, not a new file in the link's place.
    private static string FinalTarget(string path) =>
        new FileInfo(path) is { LinkTarget: not null } link ? link.ResolveLinkTarget(returnFinalTarget: true)!.FullName : path;
}
