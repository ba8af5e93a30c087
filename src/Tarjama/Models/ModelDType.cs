namespace Tarjama.Models;

/// <summary>Which ONNX variant to load, named as transformers.js names them.</summary>
public static class ModelDType
{
    private static readonly Dictionary<string, string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fp32"] = "",
        ["fp16"] = "_fp16",
        ["q8"] = "_quantized",
        ["int8"] = "_int8",
        ["uint8"] = "_uint8",
        ["q4"] = "_q4",
        ["q4f16"] = "_q4f16",
        ["bnb4"] = "_bnb4",
    };

    public static IReadOnlyCollection<string> Names => Suffixes.Keys;

    /// <summary>The file-name suffix for a dtype, e.g. <c>_quantized</c> for q8.</summary>
    public static string Suffix(string dtype) =>
        Suffixes.TryGetValue(dtype, out var suffix)
            ? suffix
            : throw new TarjamaException($"unknown dtype '{dtype}' (known: {string.Join(", ", Suffixes.Keys)})");
}
