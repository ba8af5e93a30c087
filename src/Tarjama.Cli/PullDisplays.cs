using Spectre.Console;
using Tarjama.Hub;

namespace Tarjama.Cli;

/// <summary>Shows a pull on stderr: live progress bars on a terminal, one line per finished file anywhere else.</summary>
internal static class PullDisplays
{
    public static T Show<T>(TextWriter error, Func<IPullObserver, T> pull)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return pull(new LineDisplay(error));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn { Base = FileSizeBase.Decimal }, new TransferSpeedColumn { Base = FileSizeBase.Decimal }, new RemainingTimeColumn())
            .Start(context => pull(new BarDisplay(console, context)));
    }

    private sealed class LineDisplay(TextWriter error) : IPullObserver
    {
        private readonly HashSet<string> finished = [];

        public void Note(string message) => error.WriteLine(message);

        public void Progress(string file, long bytesDone, long bytesTotal)
        {
            if (bytesDone == bytesTotal && finished.Add(file))
            {
                error.WriteLine($"  {file} ({ByteSize.Format(bytesTotal)})");
            }
        }
    }

    private sealed class BarDisplay(IAnsiConsole console, ProgressContext context) : IPullObserver
    {
        private readonly Dictionary<string, ProgressTask> bars = [];

        public void Note(string message) => console.WriteLine(message);

        public void Progress(string file, long bytesDone, long bytesTotal)
        {
            if (!bars.TryGetValue(file, out var bar))
            {
                bar = context.AddTask(Markup.Escape(file), maxValue: Math.Max(bytesTotal, 1));
                bars[file] = bar;
            }

            bar.Value = bytesDone;
        }
    }
}
