using System.CommandLine;
using Tarjama.Memory;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary><c>tarjama tm add|export</c>: grow a translation memory from edited bilingual files, and export it as TMX.</summary>
internal static class TmCommand
{
    public static Command Create()
    {
        var command = new Command("tm", "Translation memory: add approved translations (TMX, JSONL, XLIFF), export as TMX.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Add()
    {
        var memory = new Argument<string>("memory") { Description = "The memory file (SQLite; created when missing)" };
        var files = new Argument<string[]>("files") { Description = "Edited bilingual files: .tmx, .jsonl (tarjama's), .xlf/.xliff (tarjama's, with the editor's targets)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", "Store the approved pairs of edited bilingual files in a memory (a newer pair replaces an older one with the same source).")
        {
            memory, files,
        };
        var (from, to) = LanguageOptions.AddTo(command);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var (source, target) = (parse.GetValue(from)!, parse.GetValue(to)!);
            var pairs = parse.GetValue(files)!.Select(file => (File: file, Pairs: BilingualFiles.Read(file, source, target))).ToList(); // all read before any is stored
            using var store = TranslationMemory.Open(parse.GetValue(memory)!, create: true);
            foreach (var (file, filePairs) in pairs)
            {
                int stored = store.Add(filePairs, source, target);
                Console.Error.WriteLine($"{file}: {Counted.Of(stored, "pair")} stored");
            }
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var memory = new Argument<string>("memory") { Description = "The memory file" };
        var output = new Option<string?>("--output-file", "-o") { Description = "The TMX file (default: standard output)" };
        var command = new Command("export", "Write a memory's pairs as TMX 1.4b, for OmegaT's tm/ folder, Trados, memoQ.")
        {
            memory, output,
        };
        var (from, to) = LanguageOptions.AddTo(command);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            using var store = TranslationMemory.OpenToRead(parse.GetValue(memory)!);
            using var target = CliOutput.Open(parse.GetValue(output), [parse.GetValue(memory)!]);
            int count = MemoryExport.WriteTmx(store, target.Writer, parse.GetValue(from)!, parse.GetValue(to)!);
            target.Commit();
            Console.Error.WriteLine($"{Counted.Of(count, "pair")} exported");
            return 0;
        }));
        return command;
    }
}
