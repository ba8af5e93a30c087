namespace Tarjama.Models;

/// <summary>How the decoder is exported: Optimum's merged graph (an <c>If</c> on <c>use_cache_branch</c>),
/// or the split pair <c>decoder_model</c> + <c>decoder_with_past_model</c>.</summary>
public enum DecoderForm
{
    /// <summary>The split pair when the folder has it (no <c>If</c> node to run each step), else the merged graph.</summary>
    Auto,
    Merged,
    Split,
}

/// <summary>A model folder as the Hub ships it: configs, tokenizer files and ONNX variants, checked up front so
/// that a missing or half-downloaded folder is reported before anything runs.</summary>
public sealed class ModelFolder
{
    private ModelFolder(string path, ModelConfig config, GenerationConfig generation)
    {
        Path = path;
        Config = config;
        Generation = generation;
    }

    public string Path { get; }
    public ModelConfig Config { get; }
    public GenerationConfig Generation { get; }
    public string EncoderPath { get; private init; } = "";
    public string? MergedDecoderPath { get; private init; }
    public string? DecoderPath { get; private init; }
    public string? DecoderWithPastPath { get; private init; }
    public DecoderForm DecoderForm { get; private init; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static ModelFolder Open(string path, ModelDtype dtype = ModelDtype.Fp32, DecoderForm form = DecoderForm.Auto)
    {
        if (!Directory.Exists(path))
        {
            throw new TarjamaException($"model folder not found: {path}");
        }
        // A folder where one of the model's files should be would pass for a missing file: the model would run without
        // it (other decoding rules without generation_config.json, tokenizer.json instead of vocab.json).
        if (new[] { Hub.ModelFiles.Config }.Concat(Hub.ModelFiles.Optional).Select(name => System.IO.Path.Combine(path, name)).FirstOrDefault(Directory.Exists) is { } folder)
        {
            throw new TarjamaException($"{folder}: a folder, where the model's file of that name should be");
        }
        string configPath = System.IO.Path.Combine(path, "config.json");
        if (!System.IO.File.Exists(configPath))
        {
            throw new TarjamaException($"{path}: not a model folder (no config.json)");
        }
        var config = ModelConfig.Load(configPath);
        var generation = GenerationConfig.Load(System.IO.Path.Combine(path, "generation_config.json"));
        string Onnx(string graph) => System.IO.Path.Combine(path, dtype.OnnxFile(graph));
        string? Existing(string name) => System.IO.File.Exists(Onnx(name)) ? Onnx(name) : null;

        string encoder = Existing("encoder_model") ?? throw Missing(path, Onnx("encoder_model"), dtype);
        string? merged = Existing("decoder_model_merged");
        string? decoder = Existing("decoder_model");
        string? withPast = Existing("decoder_with_past_model");
        bool hasSplit = decoder is not null && withPast is not null;
        var chosen = form switch
        {
            DecoderForm.Merged when merged is null => throw Missing(path, Onnx("decoder_model_merged"), dtype),
            DecoderForm.Split when !hasSplit => throw Missing(path, decoder is null ? Onnx("decoder_model") : Onnx("decoder_with_past_model"), dtype),
            DecoderForm.Auto when hasSplit => DecoderForm.Split,
            DecoderForm.Auto when merged is not null => DecoderForm.Merged,
            DecoderForm.Auto => throw Missing(path, Onnx("decoder_model_merged"), dtype),
            _ => form,
        };
        return new ModelFolder(path, config, generation)
        {
            EncoderPath = encoder,
            MergedDecoderPath = merged,
            DecoderPath = decoder,
            DecoderWithPastPath = withPast,
            DecoderForm = chosen,
        };
    }

    private static TarjamaException Missing(string folder, string file, ModelDtype dtype)
    {
        var onnxDir = System.IO.Path.Combine(folder, "onnx");
        var present = Directory.Exists(onnxDir)
            ? Enum.GetValues<ModelDtype>().Where(d => System.IO.File.Exists(System.IO.Path.Combine(folder, d.OnnxFile("encoder_model")))).Select(d => d.Name()).ToList()
            : [];
        // The dtype's encoder is there, so what is missing is a decoder form: say which the dtype has, not that it is present.
        string hint = present.Contains(dtype.Name()) ? $"; dtype {dtype.Name()} has {DecoderForms(folder, dtype)} here"
            : present.Count > 0 ? $"; dtypes present: {string.Join(", ", present)}" : "";
        return new TarjamaException($"{file}: missing (dtype {dtype.Name()}){hint}");
    }

    private static string DecoderForms(string folder, ModelDtype dtype)
    {
        bool Has(string graph) => System.IO.File.Exists(System.IO.Path.Combine(folder, dtype.OnnxFile(graph)));
        bool merged = Has("decoder_model_merged"), split = Has("decoder_model") && Has("decoder_with_past_model");
        return (merged, split) switch
        {
            (true, false) => "only the merged decoder (decoder_model_merged)",
            (false, true) => "only the split decoder (decoder_model + decoder_with_past_model)",
            _ => "no complete decoder",
        };
    }
}
