namespace Tarjama.Engine;

/// <summary>How ONNX Runtime runs the model.</summary>
public sealed record EngineOptions
{
    /// <summary>Intra-op threads; 0 means one per core.</summary>
    public int Threads { get; init; }
}
