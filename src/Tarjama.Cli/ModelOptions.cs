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
    public Option<DecoderForm> Decoder { get; } = new("--decoder") { Description = "Decoder export to run: Auto (split pair when present), Merged or Split", DefaultValueFactory = _ => DecoderForm.Auto };
    public Option<int> Threads { get; } = new("--threads") { Description = "ONNX Runtime intra-op threads (default: all cores)" };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Sentences per engine batch", DefaultValueFactory = _ => 16 };
    public Option<int?> Beams { get; } = new("--beams") { Description = "Beam size (1 = greedy); default from generation_config.json" };
    public Option<int?> MaxNewTokens { get; } = new("--max-new-tokens") { Description = "Most tokens to generate per input" };
    public Option<int?> MaxLength { get; } = new("--max-length") { Description = "Most decoder tokens, the start token included" };
    public Option<float?> LengthPenalty { get; } = new("--length-penalty") { Description = "Beam scores are divided by length^this" };
    public Option<EarlyStopping?> EarlyStop { get; } = new("--early-stopping") { Description = "Beam stopping rule: Heuristic (false), Early (true) or Never" };
    public Option<int?> NoRepeatNgram { get; } = new("--no-repeat-ngram") { Description = "Never repeat an n-gram of this size" };
    public Option<float?> RepetitionPenalty { get; } = new("--repetition-penalty") { Description = "Penalty (>1) for tokens already generated" };
    public Option<int?> NBest { get; } = new("--n-best") { Description = "Hypotheses per input, best first (at most --beams); the others go to jsonl's alternatives" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Model, DType, Decoder, Threads, BatchSize, Beams, MaxNewTokens, MaxLength, LengthPenalty, EarlyStop, NoRepeatNgram, RepetitionPenalty, NBest })
        {
            command.Options.Add(option);
        }
    }

    public TranslatorOptions Read(ParseResult parse, string? sourceLanguage = null, string? targetLanguage = null)
    {
        int batchSize = parse.GetValue(BatchSize);
        if (batchSize < 1)
        {
            throw new TarjamaException($"--batch-size must be at least 1 (got {batchSize})");
        }
        if (parse.GetValue(Threads) < 0)
        {
            throw new TarjamaException($"--threads must be 1 or more, or 0 for one per core (got {parse.GetValue(Threads)})");
        }
        return new TranslatorOptions
        {
            DType = ModelDtypes.Parse(parse.GetValue(DType)!),
            DecoderForm = parse.GetValue(Decoder),
            Engine = new EngineOptions { Threads = parse.GetValue(Threads) },
            BatchSize = batchSize,
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
    /// (pulled on first use unless HF_HUB_OFFLINE is set).</summary>
    public string ResolveFolder(ParseResult parse) => Resolve(parse.GetValue(Model)!, ModelDtypes.Parse(parse.GetValue(DType)!));

    public static string Resolve(string model, ModelDtype dtype) =>
        PullDisplays.Show(Console.Error, observer => ModelResolver.ResolveModelDirectory(
            model, new ModelResolveOptions { Hub = HubSettings.FromEnvironment(), Dtype = dtype, Observer = observer }));

    public Translator Load(ParseResult parse, string? sourceLanguage = null, string? targetLanguage = null) =>
        Translator.Load(ResolveFolder(parse), Read(parse, sourceLanguage, targetLanguage));
}
