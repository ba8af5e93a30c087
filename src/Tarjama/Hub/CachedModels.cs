using Tarjama.Models;
namespace Tarjama.Hub;

/// <summary>A repository in the hub cache: the dtypes with a complete snapshot, and the bytes its blobs take.</summary>
public sealed record CachedRepository(RepoId Repo, IReadOnlyList<ModelDtype> Dtypes, long BytesOnDisk);

/// <summary>Reads the hub cache without touching the network, whoever filled it (Tarjama or Python tools).</summary>
public static class CachedModels
{
    /// <summary>The model folder of <paramref name="revision"/> when it holds every file <paramref name="dtype"/> needs, else
    /// null: the snapshot itself, or the conversion of its checkpoint.</summary>
    public static string? FindSnapshot(string cacheDirectory, RepoId repo, string revision, ModelDtype dtype)
    {
        var folder = new RepoCacheFolder(cacheDirectory, repo);
        if (folder.CommitFor(revision) is not { } commit)
        {
            return null;
        }
        return HasSnapshotFiles(folder, commit, dtype) ? folder.SnapshotDirectory(commit)
            : CheckpointFiles.IsConverted(folder.ConvertedDirectory(commit, dtype), dtype) ? folder.ConvertedDirectory(commit, dtype)
            : null;
    }

    /// <summary>
    /// Converts a cached checkpoint snapshot of <paramref name="revision"/> to <paramref name="dtype"/> without the network
    /// (a pull interrupted during conversion, or another dtype of a checkpoint already pulled); null when none is cached.
    /// </summary>
    public static string? ConvertCachedCheckpoint(string cacheDirectory, RepoId repo, string revision, ModelDtype dtype, IPullObserver? observer, CancellationToken cancellationToken)
    {
        var folder = new RepoCacheFolder(cacheDirectory, repo);
        return folder.CommitFor(revision) is { } commit && CheckpointFiles.HasCheckpoint(folder, commit)
            ? CheckpointFiles.EnsureConverted(folder, commit, dtype, observer, cancellationToken)
            : null;
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
        var bytes = new[] { folder.BlobsDirectory, Path.Combine(folder.Root, "converted") }.Where(Directory.Exists)
            .Sum(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
        return new CachedRepository(folder.Repo, dtypes, bytes);
    }

    private static bool HasFiles(RepoCacheFolder folder, string commit, ModelDtype dtype) =>
        HasSnapshotFiles(folder, commit, dtype) || CheckpointFiles.IsConverted(folder.ConvertedDirectory(commit, dtype), dtype);

    private static bool HasSnapshotFiles(RepoCacheFolder folder, string commit, ModelDtype dtype) =>
        ModelFiles.Required(dtype).All(f => RepoCacheFolder.IsUsable(folder.PointerPath(commit, f)));
}
