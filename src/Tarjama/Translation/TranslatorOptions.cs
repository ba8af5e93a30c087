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
    /// <summary>Sentences per engine batch.</summary>
    public int BatchSize { get; init; } = 16;
    /// <summary>Source language of calls that name none; default: the model's own (Arabic for multilingual models).</summary>
    public string? SourceLanguage { get; init; }
    /// <summary>Target language of calls that name none; default: the model's own (English for multilingual models).</summary>
    public string? TargetLanguage { get; init; }
}

/// <summary>One input's translation, with what the engine generated for it.</summary>
public sealed record TranslationResult(string Source, string Translation, int[] TokenIds, double Score)
{
    /// <summary>The other hypotheses of the n-best list, best first (empty unless more than one was asked for).</summary>
    public IReadOnlyList<TranslationHypothesis> Alternatives { get; init; } = [];
}
