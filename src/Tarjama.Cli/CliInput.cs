namespace Tarjama.Cli;

/// <summary>What a command reads: the file <c>-i</c> names, or standard input when it is absent or "-"; opened before
/// any model is loaded, so that a mistyped path fails at once.</summary>
internal sealed class CliInput : IDisposable
{
    private CliInput(Stream stream, string name, FileIdentity? identity, string? fullPath)
    {
        (Stream, Name, Identity, FullPath) = (stream, name, identity, fullPath);
    }

    public Stream Stream { get; }

    /// <summary>The path as given, or "standard input": errors name it, and its extension can tell a document's format.</summary>
    public string Name { get; }

    /// <summary>Which file it is, so that the output can be refused when it is the same one.</summary>
    public FileIdentity? Identity { get; }

    /// <summary>The full path of a named input, for outputs compared by path where identities are unknown.</summary>
    public string? FullPath { get; }

    /// <summary>The fraction of a file that <paramref name="bytesRead"/> is; null for a pipe or a terminal.</summary>
    public double? Fraction(long bytesRead) => Stream is FileStream { CanSeek: true, Length: > 0 } file ? Math.Min(1.0, (double)bytesRead / file.Length) : null;

    /// <exception cref="TarjamaException">The file is missing, a directory or unreadable.</exception>
    public static CliInput Open(string? path)
    {
        if (path is null or "-")
        {
            return new CliInput(Console.OpenStandardInput(), "standard input", FileIdentity.OfDescriptor(0), null);
        }
        try
        {
            var file = File.OpenRead(path);
            return new CliInput(file, path, FileIdentity.OfDescriptor((int)file.SafeFileHandle.DangerousGetHandle()), Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot read it ({FileReadError.Reason(path, e)})", e);
        }
    }

    public void Dispose() => Stream.Dispose();
}
