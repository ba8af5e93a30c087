namespace Tarjama.Tests.Hub;

/// <summary>
/// Writes a cache the way huggingface_hub leaves it after <c>snapshot_download</c>, written out by hand (not by the code
/// under test): blobs named by etag, relative symlinks in the snapshot, refs/main, lock files and a .no_exist marker.
/// </summary>
internal static class PythonStyleCache
{
    public static string Write(string cacheDirectory, FakeRepo repo, string commit, IEnumerable<string> paths, string? refName = "main")
    {
        var folderName = "models--" + repo.Id.Replace("/", "--", StringComparison.Ordinal);
        var repoFolder = Path.Combine(cacheDirectory, folderName);
        var snapshot = Path.Combine(repoFolder, "snapshots", commit);
        foreach (var path in paths)
        {
            var etag = repo.EtagOf(path);
            Directory.CreateDirectory(Path.Combine(repoFolder, "blobs"));
            File.WriteAllBytes(Path.Combine(repoFolder, "blobs", etag), repo.Files[path]);
            var pointer = Path.Combine(snapshot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(pointer)!);
            var upToRepoFolder = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/') + 2));
            File.CreateSymbolicLink(pointer, $"{upToRepoFolder}blobs/{etag}");
            Directory.CreateDirectory(Path.Combine(cacheDirectory, ".locks", folderName));
            File.WriteAllBytes(Path.Combine(cacheDirectory, ".locks", folderName, etag + ".lock"), []);
        }

        Directory.CreateDirectory(Path.Combine(repoFolder, ".no_exist", commit));
        File.WriteAllBytes(Path.Combine(repoFolder, ".no_exist", commit, "added_tokens.json"), []);
        if (refName is not null)
        {
            Directory.CreateDirectory(Path.Combine(repoFolder, "refs"));
            File.WriteAllText(Path.Combine(repoFolder, "refs", refName), commit);
        }

        return snapshot;
    }
}
