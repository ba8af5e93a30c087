namespace Tarjama.Engine;

/// <summary>How ONNX Runtime runs the model.</summary>
public sealed record EngineOptions
{
    /// <summary>Intra-op threads; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Compute every logit at each step, also in greedy search, which otherwise computes them in int8 and
    /// only its shortlist exactly (the same tokens, for less work): for comparisons and as a way out.</summary>
    public bool FullLogits { get; init; }
}
