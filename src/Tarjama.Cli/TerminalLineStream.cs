namespace Tarjama.Cli;

/// <summary>Standard output on the terminal that also shows a progress line: writes whole lines only, each after the
/// progress line is taken off the screen, so that output never runs on from the progress text or is overwritten by it.</summary>
internal sealed class TerminalLineStream(Stream terminal, TerminalProgress progress) : Stream
{
    private readonly MemoryStream _partialLine = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int lastNewline = buffer.LastIndexOf((byte)'\n');
        if (lastNewline < 0)
        {
            _partialLine.Write(buffer);
            return;
        }
        progress.Clear();
        terminal.Write(_partialLine.GetBuffer().AsSpan(0, (int)_partialLine.Length));
        terminal.Write(buffer[..(lastNewline + 1)]);
        terminal.Flush();
        _partialLine.SetLength(0);
        _partialLine.Write(buffer[(lastNewline + 1)..]);
    }

    // Whole lines are written as they come; a partial line waits for its end, or for the end of the output.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_partialLine.Length > 0)
            {
                progress.Clear();
                terminal.Write(_partialLine.GetBuffer().AsSpan(0, (int)_partialLine.Length));
            }
            terminal.Dispose();
        }
        base.Dispose(disposing);
    }
}
