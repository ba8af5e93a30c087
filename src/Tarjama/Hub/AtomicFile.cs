namespace Tarjama.Hub;

/// <summary>Writes that readers never see half done: write beside the target, then rename over it.</summary>
internal static class AtomicFile
{
    public static string TemporaryPathFor(string path) => $"{path}.{Guid.NewGuid():N}.tmp";

    public static void WriteAllText(string path, string text)
    {
        var temporary = TemporaryPathFor(path);
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
