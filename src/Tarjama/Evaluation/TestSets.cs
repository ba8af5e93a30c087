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

/// <summary>The public test sets in the project's shared data folder (<c>shared/data</c>), which a fresh clone does not have.</summary>
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

    /// <summary>Finds the data folder: <paramref name="dataVariable"/> (the TARJAMA_DATA environment variable) when set, else the
    /// first <c>shared/data</c> folder found from each start folder upward.</summary>
    public static string FindDataFolder(string? dataVariable, IEnumerable<string> searchFrom)
    {
        if (!string.IsNullOrEmpty(dataVariable))
        {
            return Directory.Exists(dataVariable) ? dataVariable
                : throw new TarjamaException($"{DataVariable}={dataVariable}: no such folder");
        }
        var starts = searchFrom.ToList();
        foreach (string start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new TarjamaException(
            $"the test sets need the shared data folder: no shared/data above {string.Join(" or ", starts)}; set {DataVariable} to it");
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
