using Tarjama.Models;

namespace Tarjama.Conversion;

/// <summary>What to convert to, and who hears how far it got.</summary>
public sealed record ConversionOptions
{
    public ModelDtype Dtype { get; init; } = ModelDtype.Fp32;

    /// <summary>Told, for each ONNX file, the weight bytes written of its total.</summary>
    public IProgress<ConversionProgress>? Progress { get; init; }

    /// <summary>Weights of one ONNX file past this many bytes go to an external data file (tests lower it).</summary>
    internal long ExternalDataAbove { get; init; } = OnnxModelFile.InlineLimit;
}

/// <summary>How far a conversion is: the file being written (a path inside the model folder) and its weight bytes written.</summary>
public sealed record ConversionProgress(string File, long BytesDone, long BytesTotal);
