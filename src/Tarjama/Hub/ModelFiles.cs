using Tarjama.Models;
namespace Tarjama.Hub;

/// <summary>
/// The files of a transformers.js export (MarianMT, NLLB-200, M2M100) that the engine reads; nothing else in a repository is downloaded.
/// </summary>
public static class ModelFiles
{
    public const string Config = "config.json";

    /// <summary>Read when the repository has them; which tokenizer files exist differs between exports.</summary>
    public static readonly IReadOnlyList<string> Optional =
    [
        "generation_config.json", "source.spm", "target.spm", "vocab.json", "sentencepiece.bpe.model", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
    ];

    public static string Encoder(ModelDtype dtype) => dtype.OnnxFile("encoder_model");

    public static string MergedDecoder(ModelDtype dtype) => dtype.OnnxFile("decoder_model_merged");

    public static IReadOnlyList<string> Required(ModelDtype dtype) => [Config, Encoder(dtype), MergedDecoder(dtype)];

    /// <summary>
    /// The files to fetch from a repository holding <paramref name="repoFiles"/>: the optional ones present, then the
    /// required ones last, so a snapshot that has its required files was written to the end. A repository without the
    /// dtype's ONNX files but with a safetensors checkpoint gives its checkpoint, to be converted here.
    /// </summary>
    internal static FetchPlan ToFetch(IReadOnlySet<string> repoFiles, ModelDtype dtype, RepoId repo, string revision)
    {
        var missing = Required(dtype).Where(f => !repoFiles.Contains(f)).ToList();
        if (missing.Count > 0 && CheckpointFiles.ToFetch(repoFiles, repo, revision) is { } checkpoint)
        {
            return new FetchPlan(checkpoint, IsCheckpoint: true);
        }
        if (missing.Count > 0)
        {
            var available = DtypesIn(repoFiles).Select(d => d.Name()).ToList();
            throw new TarjamaException(
                $"{repo} at '{revision}' has no {string.Join(" or ", missing)}, so it is not a transformers.js MarianMT export with dtype {dtype.Name()}"
                + (available.Count > 0 ? $"; dtypes it has: {string.Join(", ", available)}" : ""));
        }

        return new FetchPlan([.. Optional.Where(repoFiles.Contains), .. Required(dtype)], IsCheckpoint: false);
    }

    /// <summary>The dtypes whose encoder and merged decoder are both among <paramref name="files"/>.</summary>
    private static IEnumerable<ModelDtype> DtypesIn(IReadOnlySet<string> files) =>
        Enum.GetValues<ModelDtype>().Where(d => files.Contains(Encoder(d)) && files.Contains(MergedDecoder(d)));
}

/// <summary>What a pull downloads, and whether it is a checkpoint that still has to be converted to ONNX.</summary>
internal sealed record FetchPlan(IReadOnlyList<string> Files, bool IsCheckpoint);
