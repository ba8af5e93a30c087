using Tarjama.Conversion;
using Tarjama.Models;

namespace Tarjama.Hub;

/// <summary>
/// A repository that ships a Hugging Face checkpoint rather than ONNX files: its config, tokenizer files and
/// safetensors weights are pulled like any snapshot, then converted once into <c>converted/&lt;commit&gt;/&lt;dtype&gt;/</c>
/// beside the snapshots, which the cache treats as that revision's model folder for that dtype.
/// </summary>
internal static class CheckpointFiles
{
    /// <summary>The checkpoint's files to fetch, weights last; null when the repository has no safetensors checkpoint.</summary>
    public static IReadOnlyList<string>? ToFetch(IReadOnlySet<string> repoFiles, RepoId repo, string revision)
    {
        var weights = repoFiles.Where(f => !f.Contains('/') && f.StartsWith("model", StringComparison.Ordinal)
            && (f.EndsWith(".safetensors", StringComparison.Ordinal) || f == Checkpoint.IndexFile)).Order(StringComparer.Ordinal).ToList();
        bool complete = repoFiles.Contains(Checkpoint.SingleFile) || repoFiles.Contains(Checkpoint.IndexFile);
        if (!repoFiles.Contains(ModelFiles.Config) || !complete)
        {
            if (repoFiles.Contains("pytorch_model.bin") || repoFiles.Contains("pytorch_model.bin.index.json"))
            {
                throw new TarjamaException(
                    $"{repo} at '{revision}' has no ONNX files and only a pytorch_model.bin checkpoint (a Python pickle, which Tarjama does not read); "
                    + "pass the revision of its safetensors conversion instead, e.g. --revision refs/pr/N for the Hub's \"Adding `safetensors` variant\" pull request");
            }
            return null;
        }
        return [.. CheckpointConverter.CopiedFiles.Where(repoFiles.Contains), .. weights];
    }

    /// <summary>Converts the snapshot's checkpoint unless that dtype's conversion is already there; returns the model folder.</summary>
    public static string EnsureConverted(RepoCacheFolder folder, string commit, ModelDtype dtype, IPullObserver? observer, CancellationToken cancellationToken)
    {
        var converted = folder.ConvertedDirectory(commit, dtype);
        if (IsConverted(converted, dtype))
        {
            return converted;
        }
        observer?.Note($"converting {folder.Repo} ({commit[..7]}) to ONNX {dtype.Name()} in {converted} (once; later runs use it)");
        CheckpointConverter.Convert(folder.SnapshotDirectory(commit), converted, new ConversionOptions
        {
            Dtype = dtype,
            Progress = observer is null ? null : new ConversionObserver(observer),
        }, cancellationToken);
        return converted;
    }

    /// <summary>Whether a snapshot holds a safetensors checkpoint that could be converted without the network.</summary>
    public static bool HasCheckpoint(RepoCacheFolder folder, string commit) =>
        RepoCacheFolder.IsUsable(folder.PointerPath(commit, ModelFiles.Config))
        && (RepoCacheFolder.IsUsable(folder.PointerPath(commit, Checkpoint.SingleFile)) || RepoCacheFolder.IsUsable(folder.PointerPath(commit, Checkpoint.IndexFile)));

    public static bool IsConverted(string converted, ModelDtype dtype) =>
        ModelFiles.Required(dtype).All(f => File.Exists(Path.Combine(converted, f)));
}

/// <summary>Shows a conversion's progress the way a pull's is shown: bytes of each file written.</summary>
public sealed class ConversionObserver(IPullObserver observer) : IProgress<ConversionProgress>
{
    public void Report(ConversionProgress value) => observer.Progress(value.File, value.BytesDone, value.BytesTotal);
}
