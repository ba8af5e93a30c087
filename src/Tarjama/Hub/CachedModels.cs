using Tarjama.Models;
namespace Tarjama.Hub;

/// <summary>A repository in the hub cache: the dtypes with a complete snapshot, and the bytes its blobs take.</summary>
public sealed record CachedRepository(RepoId Repo, IReadOnlyList<ModelDtype> Dtypes, long BytesOnDisk);

/// <summary>Reads the hub cache without touching the network, whoever filled it (Tarjama or Python tools).</summary>
public static class CachedModels
{
    /// <summary>The snapshot folder of <paramref name="revision"/> when it holds every file <paramref name="dtype"/> needs, else null.</summary>
    public static string? FindSnapshot(string cacheDirectory, RepoId repo, string revision, ModelDtype dtype)
    {
        var folder = new RepoCacheFolder(cacheDirectory, repo);
        return folder.CommitFor(revision) is { } commit && HasFiles(folder, commit, dtype) ? folder.SnapshotDirectory(commit) : null;
    }

    /// <summary>Every model repository in the cache, in name order.</summary>
    public static IReadOnlyList<CachedRepository> List(string cacheDirectory)
    {
        if (!Directory.Exists(cacheDirectory))
        {
            return [];
        }

        return
        [
            .. Directory.EnumerateDirectories(cacheDirectory)
                .Select(d => RepoId.FromCacheFolderName(Path.GetFileName(d)))
                .OfType<RepoId>()
                .OrderBy(r => r.ToString(), StringComparer.OrdinalIgnoreCase)
                .Select(repo => Describe(new RepoCacheFolder(cacheDirectory, repo))),
        ];
    }

    private static CachedRepository Describe(RepoCacheFolder folder)
    {
        var commits = folder.Commits();
        var dtypes = Enum.GetValues<ModelDtype>().Where(d => commits.Any(c => HasFiles(folder, c, d))).ToList();
        var bytes = Directory.Exists(folder.BlobsDirectory)
            ? Directory.EnumerateFiles(folder.BlobsDirectory).Sum(f => new FileInfo(f).Length)
            : 0;
        return new CachedRepository(folder.Repo, dtypes, bytes);
    }

    private static bool HasFiles(RepoCacheFolder folder, string commit, ModelDtype dtype) =>
        ModelFiles.Required(dtype).All(f => RepoCacheFolder.IsUsable(folder.PointerPath(commit, f)));
}
