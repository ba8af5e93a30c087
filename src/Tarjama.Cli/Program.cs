using System.CommandLine;
using Tarjama.Cli;

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
var parse = root.Parse(args);
return parse.Errors.Count > 0 ? ParseErrors.Report(parse, Console.Error) : parse.Invoke();
