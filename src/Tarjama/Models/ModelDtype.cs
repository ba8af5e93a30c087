namespace Tarjama.Models;

/// <summary>The weight precisions transformers.js exports, each stored under its own ONNX file-name suffix.</summary>
public enum ModelDtype
{
    Fp32,
    Fp16,
    Q8,
    Int8,
    Uint8,
    Q4,
    Bnb4,
    Q4f16,
}

public static class ModelDtypes
{
    /// <summary>The name used on the command line and by transformers.js (<c>fp32</c>, <c>q8</c>, ...).</summary>
    public static string Name(this ModelDtype dtype) => dtype.ToString().ToLowerInvariant();

    /// <summary>The suffix transformers.js appends to an ONNX file name for this dtype.</summary>
    public static string OnnxSuffix(this ModelDtype dtype) => dtype switch
    {
        ModelDtype.Fp32 => "",
        ModelDtype.Fp16 => "_fp16",
        ModelDtype.Q8 => "_quantized",
        ModelDtype.Int8 => "_int8",
        ModelDtype.Uint8 => "_uint8",
        ModelDtype.Q4 => "_q4",
        ModelDtype.Bnb4 => "_bnb4",
        ModelDtype.Q4f16 => "_q4f16",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The path, inside a model folder, of one ONNX graph in this dtype, e.g. <c>onnx/encoder_model_quantized.onnx</c>.</summary>
    public static string OnnxFile(this ModelDtype dtype, string graph) => $"onnx/{graph}{dtype.OnnxSuffix()}.onnx";

    public static ModelDtype Parse(string name)
    {
        var wanted = name.Trim().ToLowerInvariant();
        foreach (var dtype in Enum.GetValues<ModelDtype>())
        {
            if (dtype.Name() == wanted)
            {
                return dtype;
            }
        }

        throw new TarjamaException($"unknown dtype '{name}'; use one of {string.Join(", ", Enum.GetValues<ModelDtype>().Select(Name))}");
    }
}
