namespace Tarjama.Engine;

/// <summary>How ONNX Runtime runs the model.</summary>
public sealed record EngineOptions
{
    /// <summary>The most intra-op threads a caller can ask for: ONNX Runtime starts every one asked, each with its stack.</summary>
    public const int MostThreads = 256;

    /// <summary>Intra-op threads; 0 means one per core; at most <see cref="MostThreads"/>. The sessions of a process share
    /// one pool of the first engine's count; an engine asking another count gets pools of its own.</summary>
    public int Threads { get; init; }

    /// <summary>The intra-op threads the sessions get: <see cref="Threads"/>, or one per core.</summary>
    public int ThreadCount => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Compute every logit at each step, also in greedy search, which otherwise computes them in int8 and
    /// only its shortlist exactly (the same tokens, for less work), and give greedy's sequence scores (their
    /// normalizer reads every logit): for scores, comparisons and as a way out.</summary>
    public bool FullLogits { get; init; }
}
