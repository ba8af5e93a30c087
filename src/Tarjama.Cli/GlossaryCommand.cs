using System.CommandLine;
using Tarjama.Terminology;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary><c>tarjama glossary export</c>: glossary files (TSV, CSV, TBX) as one glossary in OmegaT's format.</summary>
internal static class GlossaryCommand
{
    public static Command Create()
    {
        var command = new Command("glossary", "Glossaries: export for CAT tools.");
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Export()
    {
        var files = new Argument<string[]>("files") { Description = "Glossary files (TSV, CSV, TBX), read together as --glossary reads them", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output-file", "-o") { Description = "The OmegaT glossary (a .txt file in the project's glossary/ folder; default: standard output)" };
        var command = new Command("export", "Write glossary files as OmegaT's glossary: UTF-8, source<TAB>target<TAB>comment a line.")
        {
            files, output,
        };
        var (from, to) = LanguageOptions.AddTo(command);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var glossary = GlossaryReader.Load(parse.GetValue(files)!, parse.GetValue(from)!, parse.GetValue(to)!);
            using var target = CliOutput.Open(parse.GetValue(output), parse.GetValue(files)!);
            int count = GlossaryExport.WriteOmegaT(glossary, target.Writer);
            target.Commit();
            Console.Error.WriteLine($"{Counted.Of(count, "entry", "entries")} exported");
            return 0;
        }));
        return command;
    }
}
