using Tarjama.Hub;

namespace Tarjama.Cli;

/// <summary>Shows a pull on stderr: one line per finished file, and on a terminal a live line for the file under way.
/// Nothing at all when the model is already on disk.</summary>
internal static class PullDisplays
{
    public static T Show<T>(TextWriter error, Func<IPullObserver, T> pull)
    {
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var display = new LineDisplay(error, terminal ? new TerminalProgress(error, n => ByteSize.Format((long)n)) : null);
        try
        {
            return pull(display);
        }
        finally
        {
            display.Live?.Clear();
        }
    }

    private sealed class LineDisplay(TextWriter error, TerminalProgress? live) : IPullObserver
    {
        private readonly HashSet<string> _finished = [];

        public TerminalProgress? Live => live;

        public void Note(string message)
        {
            live?.Clear();
            error.WriteLine(message);
        }

        public void Progress(string file, long bytesDone, long bytesTotal)
        {
            if (bytesDone == bytesTotal && _finished.Add(file))
            {
                Note($"  {file} ({ByteSize.Format(bytesTotal)})");
            }
            else if (bytesDone < bytesTotal)
            {
                live?.Report(bytesDone, (double)bytesDone / bytesTotal, file);
            }
        }
    }
}
