namespace Tarjama.Server.Tests;

/// <summary>The committed tiny random-weight Marian model (ar→en), copied next to the test assembly.</summary>
internal static class TestModels
{
    public static string Tiny => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference-tiny-marian");
}
