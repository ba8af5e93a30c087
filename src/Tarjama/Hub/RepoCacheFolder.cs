using System.Text.RegularExpressions;

namespace Tarjama.Hub;

/// <summary>
/// One repository's folder in the hub cache, in huggingface_hub's layout: <c>blobs/&lt;etag&gt;</c> holds the bytes,
/// <c>snapshots/&lt;commit&gt;/&lt;path&gt;</c> are relative symlinks to blobs, <c>refs/&lt;revision&gt;</c> holds a commit hash,
/// and <c>.locks/&lt;repo folder&gt;/&lt;etag&gt;.lock</c> keeps two downloaders of one blob apart.
/// </summary>
internal sealed partial class RepoCacheFolder(string cacheDirectory, RepoId repo)
{
    public RepoId Repo { get; } = repo;

    public string Root { get; } = Path.Combine(cacheDirectory, repo.CacheFolderName);

    public string BlobsDirectory => Path.Combine(Root, "blobs");

    public string SnapshotsDirectory => Path.Combine(Root, "snapshots");

    public string RefsDirectory => Path.Combine(Root, "refs");

    public string LocksDirectory { get; } = Path.Combine(cacheDirectory, ".locks", repo.CacheFolderName);

    /// <summary>Where a checkpoint snapshot's conversion to ONNX in one dtype lives (not a Hub file, so beside the snapshots).</summary>
    public string ConvertedDirectory(string commit, Tarjama.Models.ModelDtype dtype) =>
        Path.Combine(Root, "converted", commit, Tarjama.Models.ModelDtypes.Name(dtype));

    public static bool IsCommitHash(string revision) => CommitHashPattern().IsMatch(revision);

    public string BlobPath(string etag) => Path.Combine(BlobsDirectory, etag);

    public string IncompletePath(string etag) => BlobPath(etag) + ".incomplete";

    public string LockPath(string etag) => Path.Combine(LocksDirectory, etag + ".lock");

    public string SnapshotDirectory(string commit) => Path.Combine(SnapshotsDirectory, commit);

    public string PointerPath(string commit, string repoPath) =>
        Path.Combine(SnapshotDirectory(commit), Path.Combine(repoPath.Split('/')));

    /// <summary>Refuses a revision that, as a path under refs/, would lead out of it.</summary>
    public static void CheckRevisionName(string revision)
    {
        if (revision.Split('/').Any(part => part is "" or "." or ".." || part.Contains('\\')))
        {
            throw new TarjamaException($"'{revision}' is not a revision name");
        }
    }

    /// <summary>The commit a revision stands for in this cache: the revision itself when it is a commit hash, else its ref.</summary>
    public string? CommitFor(string revision)
    {
        CheckRevisionName(revision);
        if (IsCommitHash(revision))
        {
            return revision;
        }

        var refPath = Path.Combine(RefsDirectory, revision);
        return File.Exists(refPath) && File.ReadAllText(refPath).Trim() is var commit && IsCommitHash(commit) ? commit : null;
    }

    public void WriteRef(string revision, string commit)
    {
        CheckRevisionName(revision);
        if (revision == commit)
        {
            return;
        }

        var refPath = Path.Combine(RefsDirectory, revision);
        Directory.CreateDirectory(Path.GetDirectoryName(refPath)!);
        AtomicFile.WriteAllText(refPath, commit);
    }

    /// <summary>Whether the snapshot file exists and, when it is a link, leads to a blob that exists.</summary>
    public static bool IsUsable(string pointerPath)
    {
        var info = new FileInfo(pointerPath);
        return info.Exists && (info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true);
    }

    /// <summary>Points <c>snapshots/&lt;commit&gt;/&lt;path&gt;</c> at the blob with a relative symlink, as huggingface_hub does.</summary>
    public void LinkPointer(string commit, string repoPath, string etag)
    {
        var pointer = PointerPath(commit, repoPath);
        var directory = Path.GetDirectoryName(pointer)!;
        Directory.CreateDirectory(directory);
        var relativeTarget = Path.GetRelativePath(directory, BlobPath(etag));
        var temporary = AtomicFile.TemporaryPathFor(pointer);
        try
        {
            File.CreateSymbolicLink(temporary, relativeTarget);
        }
        catch (IOException)
        {
            // Where symlinks are not allowed (Windows without developer mode) huggingface_hub keeps a copy instead.
            File.Copy(BlobPath(etag), temporary);
        }
        catch (UnauthorizedAccessException)
        {
            File.Copy(BlobPath(etag), temporary);
        }

        File.Move(temporary, pointer, overwrite: true);
    }

    /// <summary>Every commit with a snapshot folder here.</summary>
    public IReadOnlyList<string> Commits() =>
        Directory.Exists(SnapshotsDirectory)
            ? [.. Directory.EnumerateDirectories(SnapshotsDirectory).Select(Path.GetFileName).OfType<string>().Where(IsCommitHash).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The repository paths (with '/') of every file in a snapshot.</summary>
    public IReadOnlyList<string> SnapshotFiles(string commit)
    {
        var snapshot = SnapshotDirectory(commit);
        return Directory.Exists(snapshot)
            ? [.. Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(snapshot, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)]
            : [];
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitHashPattern();
}
