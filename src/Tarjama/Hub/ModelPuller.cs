using Tarjama.Models;
using Tarjama.Text;
namespace Tarjama.Hub;

/// <summary>
/// Downloads the engine's files of one repository revision into the hub cache, as huggingface_hub's snapshot_download
/// does: the revision is pinned to a commit first, files already in the snapshot are skipped (unless their bytes no
/// longer match their hash), and the ref is written only once every file is in place.
/// </summary>
internal static class ModelPuller
{
    /// <param name="checkpointOnly">Download the repository's safetensors checkpoint, unconverted, even when it has ONNX files.</param>
    public static async Task<string> PullAsync(RepoId repo, ModelResolveOptions options, CancellationToken cancellationToken, bool checkpointOnly = false)
    {
        var http = new HubHttp(options.Hub, options.FirstRetryDelay);
        var client = new HubClient(http);
        var folder = new RepoCacheFolder(options.Hub.CacheDirectory, repo);
        var revision = await client.GetRevisionAsync(repo, options.Revision, cancellationToken);
        var plan = checkpointOnly
            ? new FetchPlan(CheckpointFiles.ToFetch(revision.Files, repo, options.Revision)
                ?? throw new TarjamaException($"{repo} at '{options.Revision}' has no safetensors checkpoint (config.json with model.safetensors or {Conversion.Checkpoint.IndexFile})"), IsCheckpoint: true)
            : ModelFiles.ToFetch(revision.Files, options.Dtype, repo, options.Revision);
        var wanted = plan.Files;

        var remoteFiles = new List<RemoteFile>();
        // A file already there is re-hashed: one damaged since (as verify finds it) is downloaded again rather than kept.
        foreach (var path in wanted.Where(p => !RepoCacheFolder.IsUsable(folder.PointerPath(revision.Commit, p)) || CacheVerifier.DropIfDamaged(folder, revision.Commit, p)))
        {
            remoteFiles.Add(await client.GetFileAsync(repo, revision.Commit, path, cancellationToken));
        }

        var toDownload = remoteFiles.Where(f => !File.Exists(folder.BlobPath(f.Etag))).ToList();
        var what = $"{repo} {(plan.IsCheckpoint ? "checkpoint" : options.Dtype.Name())} at {options.Revision} ({revision.Commit[..7]})";
        options.Observer?.Note(toDownload.Count == 0
            ? $"{what} is already in the cache"
            : $"pulling {what} into {folder.Root}: {Counted.Of(toDownload.Count, "file")}, {ByteSize.Format(toDownload.Sum(f => f.Size))}");

        var fetcher = new BlobFetcher(http, folder, revision.Commit, options.Observer);
        foreach (var file in remoteFiles)
        {
            await fetcher.FetchAsync(file, cancellationToken);
            folder.LinkPointer(revision.Commit, file.Path, file.Etag);
        }

        folder.WriteRef(options.Revision, revision.Commit);
        return plan.IsCheckpoint && !checkpointOnly
            ? CheckpointFiles.EnsureConverted(folder, revision.Commit, options.Dtype, options.Observer, cancellationToken)
            : folder.SnapshotDirectory(revision.Commit);
    }
}
