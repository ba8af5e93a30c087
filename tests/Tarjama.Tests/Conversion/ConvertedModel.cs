using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tarjama.Conversion;
using Tarjama.Models;

namespace Tarjama.Tests.Conversion;

/// <summary>A fixture checkpoint converted into a temporary folder (with the tokenizer of the tiny model it was
/// shaped after, as a Hub repository has it beside the weights), and ONNX Runtime sessions over the result.</summary>
internal sealed class ConvertedModel : IDisposable
{
    private readonly string _root;

    public ConvertedModel(string checkpoint, ModelDtype dtype = ModelDtype.Fp32, string? tokenizerOf = null, long? externalDataAbove = null)
    {
        _root = Directory.CreateTempSubdirectory("tarjama-convert-").FullName;
        Checkpoint = Fixtures.Path("checkpoints", checkpoint);
        var source = Path.Combine(_root, "checkpoint");
        Directory.CreateDirectory(source);
        foreach (var file in Directory.EnumerateFiles(Checkpoint))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        }
        if (tokenizerOf is not null)
        {
            foreach (var name in CheckpointConverter.CopiedFiles.Where(n => n is not ("config.json" or "generation_config.json")))
            {
                if (File.Exists(Fixtures.Path("models", tokenizerOf, name)))
                {
                    File.Copy(Fixtures.Path("models", tokenizerOf, name), Path.Combine(source, name));
                }
            }
        }
        Folder = Path.Combine(_root, "onnx-model");
        var options = new ConversionOptions { Dtype = dtype };
        CheckpointConverter.Convert(source, Folder, externalDataAbove is { } limit ? options with { ExternalDataAbove = limit } : options);
        Dtype = dtype;
    }

    public string Checkpoint { get; }
    public string Folder { get; }
    public ModelDtype Dtype { get; }

    public CheckpointGolden Golden => CheckpointGolden.Read(Checkpoint);

    /// <summary>Logits <c>[batch, length, vocab]</c> for whole decoder inputs in one first step (no cache).</summary>
    public float[][][] Logits(CheckpointGolden golden)
    {
        using var encoder = new InferenceSession(Path.Combine(Folder, Dtype.OnnxFile("encoder_model")));
        using var decoder = new InferenceSession(Path.Combine(Folder, Dtype.OnnxFile("decoder_model_merged")));
        var ids = Int64(golden.InputIds);
        var mask = Int64(golden.AttentionMask);
        using var encoded = encoder.Run([NamedOnnxValue.CreateFromTensor("input_ids", ids), NamedOnnxValue.CreateFromTensor("attention_mask", mask)]);
        var hidden = encoded.First().AsTensor<float>().ToDenseTensor();
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("encoder_attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("input_ids", Int64(golden.DecoderInputIds)),
            NamedOnnxValue.CreateFromTensor("encoder_hidden_states", hidden),
            NamedOnnxValue.CreateFromTensor("use_cache_branch", new DenseTensor<bool>(new[] { false }, [1])),
        };
        foreach (var input in decoder.InputMetadata.Keys.Where(k => k.StartsWith("past_key_values.", StringComparison.Ordinal)))
        {
            var dims = decoder.InputMetadata[input].Dimensions;
            inputs.Add(NamedOnnxValue.CreateFromTensor(input, new DenseTensor<float>([ids.Dimensions[0], dims[1], 0, dims[3]])));
        }
        using var outputs = decoder.Run(inputs, ["logits"]);
        var logits = outputs.First().AsTensor<float>();
        return [.. Enumerable.Range(0, logits.Dimensions[0]).Select(b =>
            Enumerable.Range(0, logits.Dimensions[1]).Select(t =>
                Enumerable.Range(0, logits.Dimensions[2]).Select(v => logits[b, t, v]).ToArray()).ToArray())];
    }

    private static DenseTensor<long> Int64(long[][] rows) =>
        new(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
