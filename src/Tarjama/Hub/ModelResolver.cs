using Tarjama.Models;
namespace Tarjama.Hub;

/// <summary>
/// Turns what a user passes as <c>--model</c> into a model folder: a folder is used as it is; a catalogue name
/// (<c>opus-mt-ar-en</c>) or repository id (<c>Xenova/opus-mt-ar-en</c>) becomes its snapshot in the hub cache,
/// downloaded on first use unless offline.
/// </summary>
public static class ModelResolver
{
    /// <summary>
    /// The model folder for <paramref name="modelArgument"/>. A cached snapshot is used without any network access;
    /// a missing one is pulled (and the observer told so), or, offline, reported with the command that pulls it.
    /// </summary>
    public static string ResolveModelDirectory(string modelArgument, ModelResolveOptions options, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(modelArgument))
        {
            return Path.GetFullPath(modelArgument);
        }

        var repo = RepoFor(modelArgument, options);
        if (CachedModels.FindSnapshot(options.Hub.CacheDirectory, repo, options.Revision, options.Dtype) is { } cached)
        {
            return cached;
        }

        if (CachedModels.ConvertCachedCheckpoint(options.Hub.CacheDirectory, repo, options.Revision, options.Dtype, options.Observer, cancellationToken) is { } converted)
        {
            return converted;
        }

        if (options.Hub.Offline)
        {
            throw NotCachedWhileOffline(modelArgument, repo, options);
        }

        options.Observer?.Note($"{repo} is not in the cache yet; downloading it once (later runs use the cache)");
        return Run(token => ModelPuller.PullAsync(repo, options, token), cancellationToken);
    }

    /// <summary>
    /// Asks the Hub what <see cref="ModelResolveOptions.Revision"/> is now and downloads whatever the cache lacks;
    /// offline, it only finds the cached snapshot. Returns the snapshot folder.
    /// </summary>
    public static string Pull(string modelArgument, ModelResolveOptions options, CancellationToken cancellationToken = default)
    {
        var repo = RepoFor(modelArgument, options);
        if (!options.Hub.Offline)
        {
            return Run(token => ModelPuller.PullAsync(repo, options, token), cancellationToken);
        }

        return CachedModels.FindSnapshot(options.Hub.CacheDirectory, repo, options.Revision, options.Dtype)
            ?? CachedModels.ConvertCachedCheckpoint(options.Hub.CacheDirectory, repo, options.Revision, options.Dtype, options.Observer, cancellationToken)
            ?? throw NotCachedWhileOffline(modelArgument, repo, options);
    }

    /// <summary>
    /// The snapshot folder of a repository's safetensors checkpoint, downloaded unless cached (offline: cached only),
    /// for converting it elsewhere.
    /// </summary>
    public static string PullCheckpoint(string modelArgument, ModelResolveOptions options, CancellationToken cancellationToken = default)
    {
        var repo = RepoFor(modelArgument, options);
        if (!options.Hub.Offline)
        {
            return Run(token => ModelPuller.PullAsync(repo, options, token, checkpointOnly: true), cancellationToken);
        }
        var folder = new RepoCacheFolder(options.Hub.CacheDirectory, repo);
        return folder.CommitFor(options.Revision) is { } commit && CheckpointFiles.HasCheckpoint(folder, commit)
            ? folder.SnapshotDirectory(commit)
            : throw NotCachedWhileOffline(modelArgument, repo, options);
    }

    /// <summary>The repository a catalogue name or <c>owner/name</c> stands for.</summary>
    public static RepoId RepoFor(string modelArgument)
    {
        if (ModelCatalog.Find(modelArgument) is { } known)
        {
            return known.Repo;
        }

        // A file is never a model, whatever it is named like (a repository id has a slash too).
        if (File.Exists(modelArgument))
        {
            throw new TarjamaException($"'{modelArgument}' is a file; a model is a folder (config.json, tokenizer files, onnx/), a catalogue name or a Hub repository id");
        }
        // What is written like a path is a folder the user expected to exist, not a repository.
        if (modelArgument.StartsWith('.') || modelArgument.StartsWith('~') || Path.IsPathRooted(modelArgument) || modelArgument.Contains('\\'))
        {
            throw new TarjamaException(Directory.Exists(modelArgument)
                ? $"'{modelArgument}' is a folder, not a model in the Hugging Face cache: give a catalogue name or a Hub repository id"
                : $"model folder '{modelArgument}' does not exist");
        }

        return RepoId.TryParse(modelArgument, out var repo)
            ? repo
            : throw new TarjamaException(
                $"'{modelArgument}' is not a model folder, a catalogue name ({string.Join(", ", ModelCatalog.Models.Select(m => m.Name))}) "
                + "or a Hub repository id like Xenova/opus-mt-ar-en");
    }

    private static RepoId RepoFor(string modelArgument, ModelResolveOptions options)
    {
        RepoCacheFolder.CheckRevisionName(options.Revision);
        return RepoFor(modelArgument);
    }

    private static TarjamaException NotCachedWhileOffline(string modelArgument, RepoId repo, ModelResolveOptions options)
    {
        var pull = $"tarjama models pull {modelArgument}"
            + (options.Dtype == ModelDtype.Fp32 ? "" : $" --dtype {options.Dtype.Name()}")
            + (options.Revision == "main" ? "" : $" --revision {options.Revision}");
        return new TarjamaException(
            $"{repo} ({options.Dtype.Name()}, revision '{options.Revision}') is not in the cache at {options.Hub.CacheDirectory}, "
            + $"and offline mode is on (HF_HUB_OFFLINE): run `{pull}` while online first");
    }

    // Pulls run on the thread pool so a caller blocking here never holds the thread their continuations need.
    private static string Run(Func<CancellationToken, Task<string>> pull, CancellationToken cancellationToken) =>
        Task.Run(() => pull(cancellationToken), cancellationToken).GetAwaiter().GetResult();
}
