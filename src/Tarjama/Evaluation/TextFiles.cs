using Tarjama.Text;

namespace Tarjama.Evaluation;

/// <summary>Reads whole text files as strict UTF-8 lines.</summary>
public static class TextFiles
{
    /// <summary>Reads segments as sacreBLEU's command line reads hypotheses and references: one a line, trailing whitespace removed.</summary>
    public static IReadOnlyList<string> ReadSegments(string path) => ReadLines(path).Select(PythonText.TrimEnd).ToList();

    public static IReadOnlyList<string> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new TarjamaException($"{path}: {FileReadError.Reason(path)}");
        }
        using var stream = File.OpenRead(path);
        using var reader = new Utf8LineReader(stream, path);
        return reader.ReadLines().ToList();
    }
}
