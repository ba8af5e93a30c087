namespace Tarjama.Tests.Documents;

/// <summary>Files under tests/fixtures/documents, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "documents", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static string[] Lines(string name) => File.ReadAllLines(PathOf(name));
}
