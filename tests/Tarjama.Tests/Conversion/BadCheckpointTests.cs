using System.Text.Json.Nodes;
using Tarjama.Conversion;
using Tarjama.Tests.Cli;

namespace Tarjama.Tests.Conversion;

/// <summary>Broken checkpoints give one-line errors naming what is wrong, and leave no output folder behind.</summary>
public sealed class BadCheckpointTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tarjama-bad-").FullName;

    private string Copy(string checkpoint)
    {
        var folder = Path.Combine(_root, checkpoint);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path("checkpoints", checkpoint)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        return folder;
    }

    /// <summary>A copy of marian-base whose config.json has <paramref name="key"/> set to <paramref name="value"/>.</summary>
    private string MarianBaseWith(string key, JsonNode value)
    {
        var folder = Copy("marian-base");
        var configPath = Path.Combine(folder, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!;
        config[key] = value;
        File.WriteAllText(configPath, config.ToJsonString());
        return folder;
    }

    private static void Truncate(string path, int bytes)
    {
        using var stream = File.OpenWrite(path);
        stream.SetLength(stream.Length - bytes);
    }

    private void Fails(string folder, params string[] expectedParts)
    {
        var output = Path.Combine(_root, "out");
        var error = Assert.Throws<TarjamaException>(() => CheckpointConverter.Convert(folder, output, new ConversionOptions()));
        Assert.DoesNotContain('\n', error.Message);
        foreach (var part in expectedParts)
        {
            Assert.Contains(part, error.Message);
        }
        Assert.False(Directory.Exists(output), "an output folder was left behind");
        Assert.Empty(Directory.EnumerateDirectories(_root, ".out.*"));
    }

    [Fact]
    public void Truncated_file()
    {
        var folder = Copy("marian-base");
        Truncate(Path.Combine(folder, "model.safetensors"), 1000);
        Fails(folder, "model.safetensors", "truncated");
    }

    /// <summary>marian-base's config beside one safetensors file of the given header and data.</summary>
    private string WithSafetensors(string name, string header, int dataBytes)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        File.Copy(Fixtures.Path("checkpoints", "marian-base", "config.json"), Path.Combine(folder, "config.json"));
        SafetensorsWriter.WriteRaw(Path.Combine(folder, "model.safetensors"), header, new byte[dataBytes]);
        return folder;
    }

    [Fact]
    public void Header_that_lies_about_sizes() => Fails(
        WithSafetensors("lying", """{"final_logits_bias":{"dtype":"F32","shape":[1,1912],"data_offsets":[0,4000]}}""", 4000),
        "final_logits_bias", "7648 bytes", "4000");

    [Fact]
    public void Header_longer_than_the_file()
    {
        var folder = Copy("marian-base");
        var path = Path.Combine(folder, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes((long)bytes.Length * 2).CopyTo(bytes, 0);
        File.WriteAllBytes(path, bytes);
        Fails(folder, "model.safetensors", "truncated");
    }

    [Fact]
    public void Unknown_dtype() => Fails(
        WithSafetensors("dtype", """{"final_logits_bias":{"dtype":"F8_E4M3","shape":[1,1912],"data_offsets":[0,1912]}}""", 1912),
        "F8_E4M3", "F32, F16 and BF16");

    [Fact]
    public void Missing_shard()
    {
        var folder = Copy("nllb");
        File.Delete(Path.Combine(folder, "model-00003-of-00006.safetensors"));
        Fails(folder, "model-00003-of-00006.safetensors", "missing shard");
    }

    [Fact]
    public void Config_that_disagrees_with_the_tensors() =>
        Fails(MarianBaseWith("encoder_ffn_dim", 80), "fc1.weight", "[64, 32]", "[80, 32]");

    [Fact]
    public void Truncated_shard_of_a_sharded_checkpoint()
    {
        var folder = Copy("nllb");
        Truncate(Path.Combine(folder, "model-00004-of-00006.safetensors"), 100);
        Fails(folder, "model-00004-of-00006.safetensors", "truncated");
    }

    [Fact]
    public void Header_that_is_not_json() => Fails(WithSafetensors("json", "{\"final_logits_bias\": [", 16), "not valid JSON");

    [Fact]
    public void Tensors_that_overlap() => Fails(
        WithSafetensors("overlap", """{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}}""", 24),
        "'a'", "'b'", "overlap");

    [Fact]
    public void Config_with_more_layers_than_the_checkpoint() =>
        Fails(MarianBaseWith("decoder_layers", 3), "no tensor", "model.decoder.layers.2.");

    [Fact]
    public void Models_convert_exits_2_with_one_line_and_writes_nothing()
    {
        var folder = Copy("marian-base");
        Truncate(Path.Combine(folder, "model.safetensors"), 1000);
        var output = Path.Combine(_root, "out");
        var result = CliRunner.Run("", "models", "convert", folder, "--dtype", "int8", "-o", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var error = Assert.Single(result.Stderr.Trim().Split('\n'), line => line.StartsWith("tarjama: error:", StringComparison.Ordinal));
        Assert.Contains("model.safetensors", error);
        Assert.Contains("truncated", error);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.EnumerateDirectories(_root, ".out.*"));
    }

    [Fact]
    public void Only_a_pickle_checkpoint()
    {
        var folder = Path.Combine(_root, "pickle");
        Directory.CreateDirectory(folder);
        File.Copy(Fixtures.Path("checkpoints", "marian-base", "config.json"), Path.Combine(folder, "config.json"));
        File.WriteAllBytes(Path.Combine(folder, "pytorch_model.bin"), [0x80, 0x02]);
        Fails(folder, "pytorch_model.bin", "refs/pr/");
    }

    [Fact]
    public void Unknown_architecture() =>
        Fails(MarianBaseWith("architectures", new JsonArray("T5ForConditionalGeneration")), "T5ForConditionalGeneration", "MarianMTModel");

    [Fact]
    public void Interrupted_conversion_leaves_nothing_that_looks_complete()
    {
        var folder = Copy("marian-base");
        var output = Path.Combine(_root, "out");
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        var options = new ConversionOptions { Progress = new InlineProgress(p => { if (++reports == 3) { cancellation.Cancel(); } }) };
        Assert.ThrowsAny<OperationCanceledException>(() => CheckpointConverter.Convert(folder, output, options, cancellation.Token));
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.EnumerateDirectories(_root, ".out.*"));
    }

    [Fact]
    public void Existing_output_folder_is_refused()
    {
        var folder = Copy("marian-base");
        var output = Path.Combine(_root, "taken");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        var error = Assert.Throws<TarjamaException>(() => CheckpointConverter.Convert(folder, output, new ConversionOptions()));
        Assert.Contains("already exists", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "keep.txt")));
    }

    private sealed class InlineProgress(Action<ConversionProgress> report) : IProgress<ConversionProgress>
    {
        public void Report(ConversionProgress value) => report(value);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
