namespace Tarjama.Evaluation;

/// <summary>A parallel test set: the same segments in Arabic and English, and each segment's document when it has documents.</summary>
public sealed record TestSet(string Name, IReadOnlyList<string> Arabic, IReadOnlyList<string> English, IReadOnlyList<string>? DocumentIds)
{
    /// <summary>The side in the given language: "ar" or "en".</summary>
    public IReadOnlyList<string> Side(string language) => language switch
    {
        "ar" => Arabic,
        "en" => English,
        _ => throw new TarjamaException($"test set {Name} has Arabic (ar) and English (en), not '{language}'"),
    };
}

/// <summary>Public test sets (NTREX-128, Tatoeba) in a data folder the user names with TARJAMA_DATA; a fresh clone has none.</summary>
public static class TestSets
{
    public const string DataVariable = "TARJAMA_DATA";

    private sealed record Layout(string Folder, string Arabic, string English, string? DocumentIds);

    private static readonly Dictionary<string, Layout> Layouts = new(StringComparer.Ordinal)
    {
        ["ntrex128"] = new("ntrex128", "ntrex128.arb.txt", "ntrex128.eng.txt", "DOCUMENT_IDS.tsv"),
        ["tatoeba"] = new("tatoeba", "tatoeba.ara-eng.ara", "tatoeba.ara-eng.eng", null),
    };

    public static IReadOnlyCollection<string> Names => Layouts.Keys;

    /// <summary>The data folder, as <paramref name="dataVariable"/> (the TARJAMA_DATA environment variable) names it: the
    /// test sets are not part of Tarjama, so no folder is looked for on its own.</summary>
    public static string FindDataFolder(string? dataVariable)
    {
        if (string.IsNullOrEmpty(dataVariable))
        {
            throw new TarjamaException($"the test sets are not part of Tarjama: set {DataVariable} to the folder that holds ntrex128/ and tatoeba/");
        }
        return Directory.Exists(dataVariable) ? dataVariable : throw new TarjamaException($"{DataVariable}={dataVariable}: no such folder");
    }

    public static TestSet Load(string name, string dataFolder)
    {
        if (!Layouts.TryGetValue(name, out var layout))
        {
            throw new TarjamaException($"unknown test set '{name}': choose from {string.Join(", ", Names)}");
        }
        string folder = Path.Combine(dataFolder, layout.Folder);
        var arabic = TextFiles.ReadSegments(Path.Combine(folder, layout.Arabic));
        var english = TextFiles.ReadSegments(Path.Combine(folder, layout.English));
        var documentIds = layout.DocumentIds is { } ids ? TextFiles.ReadSegments(Path.Combine(folder, ids)) : null;
        if (english.Count != arabic.Count || (documentIds is not null && documentIds.Count != arabic.Count))
        {
            throw new TarjamaException($"test set {name} in {folder} is not aligned: its files have different numbers of lines");
        }
        return new TestSet(name, arabic, english, documentIds);
    }
}
