using Tarjama.Evaluation;
using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary>The sentences a benchmark translates: a given file, else NTREX-128's Arabic side from the optional test-set
/// data folder (<see cref="TestSets"/>) when there is one; without either, one line saying to give --inputs.</summary>
internal static class BenchInputs
{
    public static IReadOnlyList<string> Read(string? path, int count)
    {
        if (path is null)
        {
            string data;
            try
            {
                data = TestSets.FindDataFolder(Environment.GetEnvironmentVariable(TestSets.DataVariable));
            }
            catch (TarjamaException e)
            {
                // The data folder is optional (a fresh clone has none): say what works without it.
                throw new TarjamaException($"{e.Message}, or give the sentences with --inputs FILE", e);
            }
            return TestSets.Load("ntrex128", data).Arabic.Where(l => l.Trim().Length > 0).Take(count).ToList();
        }
        using var input = CliInput.Open(path);
        using var reader = new Utf8LineReader(input.Stream, input.Name);
        var lines = reader.ReadLines().Where(l => l.Trim().Length > 0).Take(count).ToList();
        return lines.Count > 0 ? lines : throw new TarjamaException($"{path}: no sentences");
    }
}
