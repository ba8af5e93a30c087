namespace Tarjama.Tests;

/// <summary>A temporary copy of a fixture model that a test may damage or trim; deleted on dispose.</summary>
internal sealed class ModelCopy : IDisposable
{
    public ModelCopy(string source, params string[] without)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tarjama-test-" + Guid.NewGuid().ToString("N"), System.IO.Path.GetFileName(source));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(source, file);
            if (without.Contains(relative.Replace('\\', '/')))
            {
                continue;
            }
            string destination = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(file, destination);
        }
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
