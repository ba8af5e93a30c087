using System.CommandLine;

namespace Tarjama.Cli;

/// <summary><c>tarjama translate</c>: sentences (one model input per line) or whole documents.</summary>
internal static class TranslateCommand
{
    public static Command Create()
    {
        var command = new Command("translate", "Translate a document, or one sentence per line with --sentences.");
        command.SetAction(parse => CommandGuard.Run(() => throw new TarjamaException("translate is not built yet")));
        return command;
    }
}
