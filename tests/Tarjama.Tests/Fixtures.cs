namespace Tarjama.Tests;

/// <summary>Paths of the committed test fixtures, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static string ReferenceModel => Path("reference-tiny-marian");

    public static string[] Lines(params string[] parts) => File.ReadAllLines(Path(parts));
}
