using Tarjama.Conversion.Onnx;
using Tarjama.Models;

namespace Tarjama.Conversion;

/// <summary>
/// Converts a Hugging Face checkpoint folder (config.json + safetensors) into an Optimum-layout ONNX model folder:
/// <c>onnx/encoder_model{suffix}.onnx</c> and <c>onnx/decoder_model_merged{suffix}.onnx</c> beside copies of the
/// configs and tokenizer files. Everything is written to a temporary folder next to the output and renamed into place
/// at the end, so an interrupted or failed conversion never leaves a folder that looks complete.
/// </summary>
public static class CheckpointConverter
{
    /// <summary>Files copied as they are when the checkpoint folder has them.</summary>
    public static readonly IReadOnlyList<string> CopiedFiles =
    [
        "config.json", "generation_config.json", "source.spm", "target.spm", "vocab.json", "target_vocab.json", "tokenizer.json",
        "tokenizer_config.json", "special_tokens_map.json", "sentencepiece.bpe.model",
    ];

    /// <summary>The dtypes the converter writes.</summary>
    public static IReadOnlyList<ModelDtype> Dtypes => WeightEncoding.Supported;

    /// <summary>Converts <paramref name="checkpointFolder"/> into <paramref name="outputFolder"/>, which must not exist yet.</summary>
    public static void Convert(string checkpointFolder, string outputFolder, ConversionOptions options, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(checkpointFolder))
        {
            throw new TarjamaException($"checkpoint folder not found: {checkpointFolder}");
        }
        var configPath = Path.Combine(checkpointFolder, "config.json");
        if (!File.Exists(configPath))
        {
            throw new TarjamaException($"{checkpointFolder}: not a checkpoint folder (no config.json)");
        }
        var output = Path.GetFullPath(outputFolder);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() || File.Exists(output))
        {
            throw new TarjamaException($"{outputFolder}: already exists; choose a new folder");
        }

        var config = ArchitectureConfig.Load(configPath);
        var encoding = WeightEncoding.For(options.Dtype);
        using var checkpoint = Checkpoint.Open(checkpointFolder);
        var encoder = EncoderGraph.Build(checkpoint, config, encoding);
        var decoder = DecoderGraph.BuildMerged(checkpoint, config, encoding);

        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(output)}.converting-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(temporary, "onnx"));
            foreach (var (graph, file) in new[] { (encoder, options.Dtype.OnnxFile("encoder_model")), (decoder, options.Dtype.OnnxFile("decoder_model_merged")) })
            {
                cancellationToken.ThrowIfCancellationRequested();
                long total = graph.Weights.Bytes;
                options.Progress?.Report(new ConversionProgress(file, 0, total));
                OnnxModelFile.Write(Path.Combine(temporary, file), OnnxGraph.Model(graph.ToProto()), graph.Weights.All, new WriteProgress(written =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    options.Progress?.Report(new ConversionProgress(file, written, total));
                }), options.ExternalDataAbove);
            }
            foreach (var name in CopiedFiles.Where(n => File.Exists(Path.Combine(checkpointFolder, n))))
            {
                File.Copy(Path.Combine(checkpointFolder, name), Path.Combine(temporary, name));
            }
            if (Directory.Exists(output))
            {
                Directory.Delete(output);
            }
            Directory.Move(temporary, output);
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <summary>Runs on the writing thread after each weight (Progress&lt;T&gt; would post elsewhere), so it can also stop the write.</summary>
    private sealed class WriteProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
