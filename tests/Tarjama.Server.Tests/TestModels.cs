namespace Tarjama.Server.Tests;

/// <summary>The committed tiny random-weight models, copied next to the test assembly.</summary>
internal static class TestModels
{
    /// <summary>Marian, ar→en.</summary>
    public static string Tiny => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference-tiny-marian");

    /// <summary>NLLB: one model for every pair of its languages, greedy by default.</summary>
    public static string TinyNllb => Path.Combine(AppContext.BaseDirectory, "fixtures", "tiny-nllb");
}
