namespace Tarjama.Cli;

/// <summary>The stream under an output's writer: counts what reached it, and turns a failed write (a full disk, a closed
/// pipe) into one clear error naming the output instead of an internal error.</summary>
internal sealed class CountingWriteStream(Stream inner, string name) : WriteOnlyStream
{
    public long BytesWritten { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            throw Failure(e);
        }
        BytesWritten += buffer.Length;
    }

    public override void Flush() => Guard(inner.Flush);

    /// <summary>Flushes a regular file through to the disk, so that the rename after it never shows a file without its bytes.</summary>
    public void Complete() => Guard(() =>
    {
        if (inner is FileStream { CanSeek: true } file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            inner.Flush();
        }
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Guard(inner.Dispose);
        }
        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw Failure(e);
        }
    }

    private TarjamaException Failure(IOException e) => new($"{name}: cannot write it ({e.Message})", e);
}
