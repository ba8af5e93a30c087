namespace Tarjama.Tests;

/// <summary>Paths of the committed test fixtures, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static string ReferenceModel => Path("reference-tiny-marian");

    public static string[] Lines(params string[] parts) => File.ReadAllLines(Path(parts));

    /// <summary>A file under tests/fixtures/documents.</summary>
    public static string Document(string name) => Path("documents", name);

    public static string ReadDocument(string name) => File.ReadAllText(Document(name));

    public static string[] DocumentLines(string name) => File.ReadAllLines(Document(name));
}
