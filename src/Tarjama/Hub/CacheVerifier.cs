namespace Tarjama.Hub;

public enum FileCheckOutcome
{
    Ok,

    /// <summary>The blob's bytes do not hash to its name.</summary>
    Damaged,

    /// <summary>The snapshot file is a link to a blob that is gone.</summary>
    MissingBlob,

    /// <summary>A plain copy rather than a link to a named blob, or a blob named by something other than a hash.</summary>
    Unverifiable,

    /// <summary>A ref (<c>refs/main</c>) that holds no commit hash, or one without a snapshot folder: the revision
    /// cannot be used offline however sound the files are.</summary>
    BrokenRef,
}

/// <summary>The check of one snapshot file.</summary>
public sealed record FileCheck(string Commit, string Path, FileCheckOutcome Outcome, string Detail);

/// <summary>
/// Re-checks cached files offline: each blob is named by its etag, which is the SHA-256 of an LFS file or the git blob
/// SHA-1 of a file kept in git, so hashing the bytes again says whether they are still what the Hub served.
/// </summary>
public static class CacheVerifier
{
    public static IReadOnlyList<FileCheck> Verify(string cacheDirectory, RepoId repo)
    {
        var folder = new RepoCacheFolder(cacheDirectory, repo);
        if (!Directory.Exists(folder.Root))
        {
            throw new TarjamaException($"{repo} is not in the cache at {cacheDirectory}");
        }

        var blobHashes = new Dictionary<string, string?>(StringComparer.Ordinal);
        return
        [
            .. folder.Commits().SelectMany(commit => folder.SnapshotFiles(commit).Select(path => Check(folder, commit, path, blobHashes))),
            .. folder.Commits().SelectMany(commit => Conversions(folder, commit)),
            .. BrokenRefs(folder),
        ];
    }

    // Only broken refs are listed: a sound one is no file of the model.
    private static IEnumerable<FileCheck> BrokenRefs(RepoCacheFolder folder)
    {
        if (!Directory.Exists(folder.RefsDirectory))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(folder.RefsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string path = Path.GetRelativePath(folder.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            string commit = File.ReadAllText(file).Trim();
            if (!RepoCacheFolder.IsCommitHash(commit))
            {
                yield return new FileCheck("none", path, FileCheckOutcome.BrokenRef, $"holds '{(commit.Length > 40 ? commit[..40] + "…" : commit)}', not a commit hash");
            }
            else if (!Directory.Exists(folder.SnapshotDirectory(commit)))
            {
                yield return new FileCheck(commit, path, FileCheckOutcome.BrokenRef, $"points at commit {commit}, which has no snapshot folder");
            }
        }
    }

    // Files converted here from a checkpoint have no Hub hash; they are listed so that verify shows them.
    private static IEnumerable<FileCheck> Conversions(RepoCacheFolder folder, string commit)
    {
        var converted = Path.GetDirectoryName(folder.ConvertedDirectory(commit, Models.ModelDtype.Fp32))!;
        return Directory.Exists(converted)
            ? Directory.EnumerateFiles(converted, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => new FileCheck(
                commit, Path.GetRelativePath(folder.Root, f).Replace(Path.DirectorySeparatorChar, '/'), FileCheckOutcome.Unverifiable,
                "converted here from the snapshot's checkpoint; no Hub hash to check against"))
            : [];
    }

    /// <summary>Deletes the blob behind a snapshot file when its bytes no longer hash to its name, so that a pull
    /// downloads it again; true when it did.</summary>
    internal static bool DropIfDamaged(RepoCacheFolder folder, string commit, string path)
    {
        if (Check(folder, commit, path, []).Outcome != FileCheckOutcome.Damaged)
        {
            return false;
        }
        File.Delete(new FileInfo(folder.PointerPath(commit, path)).ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        return true;
    }

    private static FileCheck Check(RepoCacheFolder folder, string commit, string path, Dictionary<string, string?> blobHashes)
    {
        var pointer = new FileInfo(folder.PointerPath(commit, path));
        if (pointer.LinkTarget is null)
        {
            return new FileCheck(commit, path, FileCheckOutcome.Unverifiable, "a copy, not a link to a blob");
        }

        var blob = pointer.ResolveLinkTarget(returnFinalTarget: true);
        if (blob is not { Exists: true })
        {
            return new FileCheck(commit, path, FileCheckOutcome.MissingBlob, $"its blob {pointer.LinkTarget} is missing");
        }

        var etag = blob.Name;
        var kind = ContentHash.KindOf(etag);
        if (kind == ContentHash.Kind.Unknown)
        {
            return new FileCheck(commit, path, FileCheckOutcome.Unverifiable, $"blob name {etag} is not a content hash");
        }

        // Snapshots of several commits often share a blob; hash it once.
        if (!blobHashes.TryGetValue(blob.FullName, out var actual))
        {
            actual = ContentHash.Compute(blob.FullName, kind);
            blobHashes[blob.FullName] = actual;
        }

        return actual == etag
            ? new FileCheck(commit, path, FileCheckOutcome.Ok, ContentHash.Describe(kind))
            : new FileCheck(commit, path, FileCheckOutcome.Damaged, $"{ContentHash.Describe(kind)} is {actual}, its name says {etag}");
    }
}
