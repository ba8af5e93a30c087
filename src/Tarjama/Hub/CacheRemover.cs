namespace Tarjama.Hub;

/// <summary>Removes a model from the hub cache: its snapshots, the refs that named them, and blobs no other snapshot uses.</summary>
public static class CacheRemover
{
    /// <summary>
    /// Removes every snapshot of <paramref name="repo"/>, or only the one <paramref name="revision"/> names, and returns
    /// the bytes of the blobs that went with them. A repository left with no snapshot is removed whole.
    /// </summary>
    public static long Remove(string cacheDirectory, RepoId repo, string? revision)
    {
        var folder = new RepoCacheFolder(cacheDirectory, repo);
        if (!Directory.Exists(folder.Root))
        {
            throw new TarjamaException($"{repo} is not in the cache at {cacheDirectory}");
        }

        IReadOnlyList<string> removed = revision is null
            ? folder.Commits()
            : folder.CommitFor(revision) is { } named && Directory.Exists(folder.SnapshotDirectory(named))
                ? [named]
                : throw new TarjamaException($"{repo} has no cached snapshot of revision '{revision}'");

        long freed = 0;
        foreach (var commit in removed)
        {
            Directory.Delete(folder.SnapshotDirectory(commit), recursive: true);
            DeleteIfExists(Path.Combine(folder.Root, ".no_exist", commit));
            freed += DeleteConversions(folder, commit);
        }

        RemoveRefsTo(folder, removed);
        freed += RemoveUnusedBlobs(folder);
        if (folder.Commits().Count == 0)
        {
            Directory.Delete(folder.Root, recursive: true);
            DeleteIfExists(folder.LocksDirectory);
        }

        return freed;
    }

    private static void RemoveRefsTo(RepoCacheFolder folder, IReadOnlyList<string> commits)
    {
        if (!Directory.Exists(folder.RefsDirectory))
        {
            return;
        }

        foreach (var refFile in Directory.EnumerateFiles(folder.RefsDirectory, "*", SearchOption.AllDirectories).ToList())
        {
            if (commits.Contains(File.ReadAllText(refFile).Trim()))
            {
                File.Delete(refFile);
            }
        }
    }

    // Blobs (and partial downloads) that no remaining snapshot links to.
    private static long RemoveUnusedBlobs(RepoCacheFolder folder)
    {
        if (!Directory.Exists(folder.BlobsDirectory))
        {
            return 0;
        }

        var used = folder.Commits()
            .SelectMany(c => folder.SnapshotFiles(c).Select(p => new FileInfo(folder.PointerPath(c, p)).ResolveLinkTarget(returnFinalTarget: true)?.FullName))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        long freed = 0;
        foreach (var blob in Directory.EnumerateFiles(folder.BlobsDirectory).Select(f => new FileInfo(f)).Where(b => !used.Contains(b.FullName)).ToList())
        {
            freed += blob.Length;
            blob.Delete();
        }

        return freed;
    }

    // What the converter made from a checkpoint snapshot goes with it.
    private static long DeleteConversions(RepoCacheFolder folder, string commit)
    {
        var converted = Path.GetDirectoryName(folder.ConvertedDirectory(commit, Models.ModelDtype.Fp32))!;
        if (!Directory.Exists(converted))
        {
            return 0;
        }
        long bytes = Directory.EnumerateFiles(converted, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Directory.Delete(converted, recursive: true);
        return bytes;
    }

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
