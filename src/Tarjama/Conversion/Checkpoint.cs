using System.Text.Json;

namespace Tarjama.Conversion;

/// <summary>
/// A Hugging Face checkpoint folder's weights: <c>model.safetensors</c>, or the shards that
/// <c>model.safetensors.index.json</c> lists. Every shard's header is read and checked when the folder is opened.
/// </summary>
internal sealed class Checkpoint : IDisposable
{
    public const string SingleFile = "model.safetensors";
    public const string IndexFile = "model.safetensors.index.json";

    private readonly List<SafetensorsFile> _files;
    private readonly Dictionary<string, CheckpointTensor> _tensors;

    private Checkpoint(string folder, List<SafetensorsFile> files)
    {
        Folder = folder;
        _files = files;
        _tensors = new Dictionary<string, CheckpointTensor>(StringComparer.Ordinal);
        foreach (var tensor in files.SelectMany(f => f.Tensors.Values))
        {
            _tensors[tensor.Name] = tensor;
        }
    }

    public string Folder { get; }

    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>Bytes of all weights as stored.</summary>
    public long StoredBytes => _tensors.Values.Sum(t => t.ByteLength);

    public static Checkpoint Open(string folder)
    {
        var single = Path.Combine(folder, SingleFile);
        var index = Path.Combine(folder, IndexFile);
        IReadOnlyList<string> paths = File.Exists(single) ? [single]
            : File.Exists(index) ? ShardsOf(index)
            : throw NoSafetensors(folder);
        var files = new List<SafetensorsFile>();
        try
        {
            foreach (var path in paths)
            {
                files.Add(SafetensorsFile.Open(path));
            }
            return new Checkpoint(folder, files);
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }
    }

    public CheckpointTensor? Find(string name) => _tensors.GetValueOrDefault(name);

    /// <summary>The first of <paramref name="names"/> the checkpoint has (tied weights are saved under one of their names).</summary>
    public CheckpointTensor Get(params string[] names) =>
        names.Select(Find).FirstOrDefault(t => t is not null)
        ?? throw new TarjamaException($"{Folder}: the checkpoint has no tensor {string.Join(" or ", names)}");

    /// <summary>A tensor that must have <paramref name="shape"/>, as the config implies.</summary>
    public CheckpointTensor Get(long[] shape, params string[] names)
    {
        var tensor = Get(names);
        return tensor.Shape.SequenceEqual(shape)
            ? tensor
            : throw new TarjamaException(
                $"{Folder}: tensor '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}] but config.json implies [{string.Join(", ", shape)}]");
    }

    private static IReadOnlyList<string> ShardsOf(string index)
    {
        var folder = Path.GetDirectoryName(index)!;
        List<string> shards;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(index));
            shards = [.. document.RootElement.GetProperty("weight_map").EnumerateObject().Select(e => e.Value.GetString() ?? "").Distinct()];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new TarjamaException($"{index}: not a safetensors index (no weight_map of tensor names to files)", e);
        }

        foreach (var shard in shards)
        {
            if (shard.Length == 0 || shard.Contains('/') || shard.Contains('\\') || shard.StartsWith('.'))
            {
                throw new TarjamaException($"{index}: '{shard}' is not a shard file name");
            }
            if (!File.Exists(Path.Combine(folder, shard)))
            {
                throw new TarjamaException($"{Path.Combine(folder, shard)}: missing shard (listed in {IndexFile})");
            }
        }
        return [.. shards.Select(s => Path.Combine(folder, s))];
    }

    private static TarjamaException NoSafetensors(string folder) =>
        File.Exists(Path.Combine(folder, "pytorch_model.bin"))
            ? new TarjamaException(
                $"{folder}: has only pytorch_model.bin, which the converter does not read (it is a Python pickle); "
                + "use the repository's safetensors revision instead, e.g. --revision refs/pr/N of the Hub's \"Adding `safetensors` variant\" pull request")
            : new TarjamaException($"{folder}: no {SingleFile} or {IndexFile}");

    public void Dispose() => _files.ForEach(f => f.Dispose());
}
