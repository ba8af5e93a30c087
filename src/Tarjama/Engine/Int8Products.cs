namespace Tarjama.Engine;

/// <summary>What ONNX Runtime's uint8 × int8 products (<c>MatMulInteger</c>) hold exactly on every x86 CPU.</summary>
internal static class Int8Products
{
    /// <summary>Weights use 7 bits: without VNNI, x86's u8 × s8 kernel (VPMADDUBSW) adds pairs of products in 16 bits
    /// and saturates past 32,767; 255 · 63 · 2 = 32,130 cannot, while 255 · 127 · 2 could (onnxruntime's quantizer
    /// calls this <c>reduce_range</c>).</summary>
    public const int WeightLevels = 63;

    /// <summary>The symmetric scale of a row of weights whose largest magnitude is <paramref name="largest"/>: that
    /// weight becomes ±<see cref="WeightLevels"/> (0 for a row of zeros).</summary>
    public static float Scale(float largest) => largest / WeightLevels;

    /// <summary>A weight in steps of <paramref name="scale"/>, rounded and kept within the levels.</summary>
    public static sbyte Quantize(float value, float scale) =>
        scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(value / scale), -WeightLevels, WeightLevels);
}
