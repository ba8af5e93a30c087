using Tarjama.Models;

namespace Tarjama.Conversion;

/// <summary>What to convert to, and who hears how far it got.</summary>
public sealed record ConversionOptions
{
    public ModelDtype Dtype { get; init; } = ModelDtype.Fp32;

    /// <summary>Told each file as it starts and the share of all weights written so far.</summary>
    public IProgress<ConversionProgress>? Progress { get; init; }
}

/// <summary>How far a conversion is: the file being written and the weight bytes written of all files.</summary>
public sealed record ConversionProgress(string File, long BytesWritten, long BytesTotal);
