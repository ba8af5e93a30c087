using System.CommandLine;

namespace Tarjama.Cli;

/// <summary>The <c>tarjama</c> command and its subcommands, as <c>--help</c> shows them (tests read the documented
/// command lines against it).</summary>
internal static class CliRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Tarjama: offline Arabic↔English translation for news.") { HelpName = "tarjama" };
        root.Subcommands.Add(TranslateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(TmCommand.Create());
        root.Subcommands.Add(GlossaryCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }
}
