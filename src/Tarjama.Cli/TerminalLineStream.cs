namespace Tarjama.Cli;

/// <summary>Standard output on the terminal that also shows a progress line: writes whole lines only, each after the
/// progress line is taken off the screen, so that output never runs on from the progress text or is overwritten by it.</summary>
internal sealed class TerminalLineStream(Stream terminal, TerminalProgress progress) : WriteOnlyStream
{
    private readonly MemoryStream _partialLine = new();

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
