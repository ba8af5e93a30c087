namespace Tarjama.Text;

/// <summary>Finds the optional evaluation data (<c>shared/data</c> beside or above the checkout, or <c>TARJAMA_DATA</c>).
/// Only benchmarks and evaluation read it; tests never do.</summary>
public static class SharedData
{
    public static string? Find(string relative)
    {
        if (Environment.GetEnvironmentVariable("TARJAMA_DATA") is { Length: > 0 } root && File.Exists(Path.Combine(root, relative)))
        {
            return Path.Combine(root, relative);
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data", relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
