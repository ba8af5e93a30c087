using System.CommandLine;
using Tarjama.Documents.Xliff;

namespace Tarjama.Cli;

/// <summary><c>tarjama merge doc.xlf -o doc.en.html</c>: an edited XLIFF written back into its original document format.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("xliff") { Description = "The XLIFF file (1.2 or 2.1) that tarjama translate --bilingual xliff wrote, as edited" };
        var output = new Option<string?>("--output-file", "-o") { Description = "The merged document (default: standard output)" };
        var command = new Command("merge", "Write an edited XLIFF back into its original format (text, Markdown, HTML, XML, Word), reporting inline codes the editor moved, dropped or duplicated.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string path = parse.GetValue(input)!;
            using var source = CliInput.Open(path);
            // Opened before the work: a mistyped output fails at once, and the file is written whole at the end.
            using var target = CliOutput.Open(parse.GetValue(output), source);
            var xliff = XliffFile.Read(source.Stream, source.Name);
            var merged = XliffMerger.Merge(xliff, out var problems);
            merged.WriteTo(target.Stream); // text as UTF-8, a Word document as its package
            target.Commit();
            foreach (var problem in problems.Concat(merged.Issues.Select(issue => issue.ToString())))
            {
                Console.Error.WriteLine($"tarjama: warning: {problem}");
            }
            return 0;
        }));
        return command;
    }
}
