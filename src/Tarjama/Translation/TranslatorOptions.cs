using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Models;

namespace Tarjama.Translation;

/// <summary>Everything that chooses how a model is loaded and run.</summary>
public sealed record TranslatorOptions
{
    /// <summary>Which ONNX variant to load (fp32, fp16, q8, …).</summary>
    public ModelDtype DType { get; init; } = ModelDtype.Fp32;
    public DecoderForm DecoderForm { get; init; } = DecoderForm.Auto;
    public EngineOptions Engine { get; init; } = new();
    public GenerationOverrides Generation { get; init; } = new();
    /// <summary>The most sentences per engine batch: the batch's tensors and key/value cache grow with it.</summary>
    public const int MostBatchSize = 256;

    /// <summary>Sentences per engine batch, 1 to <see cref="MostBatchSize"/>.</summary>
    public int BatchSize { get; init; } = 16;
    /// <summary>Source language of calls that name none; default: the model's own (Arabic for multilingual models).</summary>
    public string? SourceLanguage { get; init; }
    /// <summary>Target language of calls that name none; default: the model's own (English for multilingual models).</summary>
    public string? TargetLanguage { get; init; }

    /// <summary>A <see cref="TarjamaException"/> for a value out of range, as the command line refuses it.</summary>
    internal void Check()
    {
        if (BatchSize is < 1 or > MostBatchSize)
        {
            throw new TarjamaException($"batch size must be between 1 and {MostBatchSize} (got {BatchSize})");
        }
        if (Engine.Threads is < 0 or > EngineOptions.MostThreads)
        {
            throw new TarjamaException($"threads must be between 0 (one per core) and {EngineOptions.MostThreads} (got {Engine.Threads})");
        }
        if (!Enum.IsDefined(DType))
        {
            throw new TarjamaException($"dtype {(int)DType} is none of {string.Join(", ", Enum.GetValues<ModelDtype>().Select(d => d.Name()))}");
        }
        if (!Enum.IsDefined(DecoderForm))
        {
            throw new TarjamaException($"decoder form {(int)DecoderForm} is none of {string.Join(", ", Enum.GetValues<DecoderForm>())}");
        }
    }
}

/// <summary>One input's translation, with what the engine generated for it: <see cref="Score"/> is the reference's
/// sequence score, null from greedy search unless <see cref="EngineOptions.FullLogits"/> or the input has terms (whose
/// chooser reads every logit).</summary>
public sealed record TranslationResult(string Source, string Translation, int[] TokenIds, double? Score)
{
    /// <summary>The other hypotheses of the n-best list, best first (empty unless more than one was asked for).</summary>
    public IReadOnlyList<TranslationHypothesis> Alternatives { get; init; } = [];
}
