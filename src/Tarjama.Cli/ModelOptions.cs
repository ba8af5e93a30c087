using System.CommandLine;
using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Hub;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary>The options every command that runs a model shares: which model and how to decode with it.</summary>
internal sealed class ModelOptions
{
    public Option<string> Model { get; } = new("--model", "-m") { Description = "Model: a folder (Hugging Face ONNX export of OPUS-MT, NLLB-200 or M2M100), a catalogue name (opus-mt-ar-en, nllb-200-distilled-600M) or a Hub repository (Xenova/opus-mt-ar-en)", Required = true };
    public Option<string> DType { get; } = new("--dtype") { Description = $"ONNX variant to load: {string.Join(", ", Enum.GetValues<ModelDtype>().Select(d => d.Name()))}", DefaultValueFactory = _ => "fp32" };
    public Option<DecoderForm?> Decoder { get; } = NamedValues.Create("--decoder", "Decoder export to run: auto (split pair when present), merged or split [default: auto]", NamedValues.Of<DecoderForm>());
    public Option<int> Threads { get; } = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (default: all cores)" }.Within(0, EngineOptions.MostThreads);
    public Option<bool> FullLogits { get; } = new("--full-logits") { Description = "Compute every logit at each greedy step (by default greedy search computes them in int8 and exactly only for the tokens that can still be the best: the same tokens, faster, without sequence scores; translate --output jsonl, which reports them, computes every logit)" };
    public Option<int> BatchSize { get; } = new Option<int>("--batch-size") { Description = "Sentences per engine batch", DefaultValueFactory = _ => 16 }.Within(1, TranslatorOptions.MostBatchSize);
    public Option<int?> Beams { get; } = new Option<int?>("--beams") { Description = "Beam size (1 = greedy); default from generation_config.json" }.Within(1, 32);
    public Option<int?> MaxNewTokens { get; } = new Option<int?>("--max-new-tokens") { Description = "Most tokens to generate per input" }.Within(1, 1024);
    public Option<int?> MaxLength { get; } = new Option<int?>("--max-length") { Description = "Most decoder tokens, the start token included" }.Within(2, 1024);
    public Option<float?> LengthPenalty { get; } = new Option<float?>("--length-penalty") { Description = "Beam scores are divided by length^this" }.Within(-10f, 10f);
    public Option<EarlyStopping?> EarlyStop { get; } = NamedValues.Create("--early-stopping", "Beam stopping rule: heuristic (false), early (true) or never",
        [.. NamedValues.Of<EarlyStopping>(), ("false", EarlyStopping.Heuristic), ("true", EarlyStopping.Early)]);
    public Option<int?> NoRepeatNgram { get; } = new Option<int?>("--no-repeat-ngram") { Description = "Never repeat an n-gram of this size (0: off)" }.Within(0, 64);
    public Option<float?> RepetitionPenalty { get; } = new Option<float?>("--repetition-penalty") { Description = "Penalty (>1) for tokens already generated" }.Within(0.01f, 100f);
    public Option<int?> NBest { get; } = new Option<int?>("--n-best") { Description = "Hypotheses per input, best first (at most --beams); the others go to jsonl's alternatives" }.Within(1, 32);

    /// <summary>The options that set how the engine runs and decodes, all but <c>--model</c>.</summary>
    public IEnumerable<Option> Decoding => [DType, Decoder, Threads, FullLogits, BatchSize, Beams, MaxNewTokens, MaxLength, LengthPenalty, EarlyStop, NoRepeatNgram, RepetitionPenalty, NBest];

    /// <param name="withNBest">Whether the command shows an n-best list (translate's jsonl); the others write the best
    /// translation only, so --n-best there would do nothing and is not offered.</param>
    public void AddTo(Command command, bool withNBest = false)
    {
        foreach (var option in Decoding.Prepend(Model).Where(o => withNBest || o != NBest))
        {
            command.Options.Add(option);
        }
    }

    public TranslatorOptions Read(ParseResult parse, string? sourceLanguage = null, string? targetLanguage = null)
    {
        return new TranslatorOptions
        {
            DType = ModelDtypes.Parse(parse.GetValue(DType)!),
            DecoderForm = parse.GetValue(Decoder) ?? DecoderForm.Auto,
            Engine = new EngineOptions { Threads = parse.GetValue(Threads), FullLogits = parse.GetValue(FullLogits) },
            BatchSize = parse.GetValue(BatchSize),
            SourceLanguage = sourceLanguage,
            TargetLanguage = targetLanguage,
            Generation = new GenerationOverrides
            {
                NumBeams = parse.GetValue(Beams),
                MaxNewTokens = parse.GetValue(MaxNewTokens),
                MaxLength = parse.GetValue(MaxLength),
                LengthPenalty = parse.GetValue(LengthPenalty),
                EarlyStopping = parse.GetValue(EarlyStop),
                NoRepeatNgramSize = parse.GetValue(NoRepeatNgram),
                RepetitionPenalty = parse.GetValue(RepetitionPenalty),
                NumReturnSequences = parse.GetValue(NBest),
            },
        };
    }

    /// <summary>The model folder: <c>--model</c> as a folder, or a catalogue name or Hub repository resolved through the cache
    /// (pulled on first use unless HF_HUB_OFFLINE is set; Ctrl+C stops the download).</summary>
    public string ResolveFolder(ParseResult parse, CancellationToken cancellation = default) =>
        Resolve(parse.GetValue(Model)!, ModelDtypes.Parse(parse.GetValue(DType)!), cancellation);

    public static string Resolve(string model, ModelDtype dtype, CancellationToken cancellation = default) =>
        PullDisplays.Show(Console.Error, observer => ModelResolver.ResolveModelDirectory(
            model, new ModelResolveOptions { Hub = HubSettings.FromEnvironment(), Dtype = dtype, Observer = observer }, cancellation));

    /// <param name="printsScores">The output shows sequence scores: greedy search then computes every logit, since its
    /// shortlist gives none.</param>
    public Translator Load(ParseResult parse, string? sourceLanguage = null, string? targetLanguage = null, CancellationToken cancellation = default, bool printsScores = false)
    {
        var options = Read(parse, sourceLanguage, targetLanguage);
        if (printsScores)
        {
            options = options with { Engine = options.Engine with { FullLogits = true } };
        }
        return Translator.Load(ResolveFolder(parse, cancellation), options);
    }
}
