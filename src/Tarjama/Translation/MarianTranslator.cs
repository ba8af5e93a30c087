using Microsoft.ML.OnnxRuntime.Tensors;
using Tarjama.Decoding;
using Tarjama.Decoding.Constraints;
using Tarjama.Engine;
using Tarjama.Models;
using Tarjama.Terminology;
using Tarjama.Tokenization;

namespace Tarjama.Translation;

/// <summary>The engine end to end for a Marian model: tokenize, group by length into batches, encode, decode
/// (greedy or beam), detokenize; results in input order.</summary>
public sealed class MarianTranslator : ITermTranslator, IDisposable
{
    private readonly MarianEncoder _encoder;
    private readonly MarianDecoder _decoder;
    private readonly IDecodingStrategy _strategy;
    private readonly int _maxInputLength;
    private readonly Lazy<TermTargetEncoder> _termTargets;

    private MarianTranslator(ModelFolder folder, MarianTokenizer tokenizer, MarianEncoder encoder, MarianDecoder decoder, GenerationSettings settings, int batchSize, (string Source, string Target) languages)
    {
        Tokenizer = tokenizer;
        _encoder = encoder;
        _decoder = decoder;
        Settings = settings;
        var processors = LogitsProcessorList.From(settings);
        _strategy = settings.NumBeams > 1 ? new BeamSearch(settings, processors) : new GreedySearch(settings, processors);
        BatchSize = Math.Max(1, batchSize);
        _maxInputLength = folder.Config.MaxPositionEmbeddings;
        _termTargets = new(() => TermTargetEncoder.Load(folder, tokenizer));
        (SourceLanguage, TargetLanguage) = languages;
    }

    public string SourceLanguage { get; }
    public string TargetLanguage { get; }
    public MarianTokenizer Tokenizer { get; }
    public GenerationSettings Settings { get; }
    public int BatchSize { get; }
    /// <summary>Time spent inside ONNX Runtime by this translator.</summary>
    public EngineStatistics Statistics { get; private init; } = new();

    public static MarianTranslator Load(string modelPath, TranslatorOptions? options = null)
    {
        options ??= new TranslatorOptions();
        var folder = ModelFolder.Open(modelPath, options.DType, options.DecoderForm);
        var languages = ModelLanguages.Read(folder);
        var tokenizer = MarianTokenizerLoader.Load(folder, options.TargetLanguage ?? languages.Target);
        var ids = tokenizer.Ids;
        var statistics = new EngineStatistics();
        var settings = GenerationSettings.From(folder.Generation, ids.Eos, ids.DecoderStart, options.Generation);
        var encoder = new MarianEncoder(OnnxSessionLoader.Open(folder.EncoderPath, options.Engine, statistics), ids.Pad);
        var decoder = OpenDecoder(folder, options.Engine, statistics);
        return new MarianTranslator(folder, tokenizer, encoder, decoder, settings, options.BatchSize, languages) { Statistics = statistics };
    }

    private static MarianDecoder OpenDecoder(ModelFolder folder, EngineOptions engine, EngineStatistics statistics)
    {
        var config = folder.Config;
        int heads = config.DecoderAttentionHeads;
        int headSize = config.DModel / heads;
        if (folder.DecoderForm == DecoderForm.Split)
        {
            var first = OnnxSessionLoader.Open(folder.DecoderPath!, engine, statistics);
            var withPast = OnnxSessionLoader.Open(folder.DecoderWithPastPath!, engine, statistics);
            return new SplitDecoder(first, withPast, config.DecoderLayers, heads, headSize, CacheType(withPast.InputMetadata));
        }
        var merged = OnnxSessionLoader.Open(folder.MergedDecoderPath!, engine, statistics);
        return new MergedDecoder(merged, config.DecoderLayers, heads, headSize, CacheType(merged.InputMetadata));
    }

    private static TensorElementType CacheType(IReadOnlyDictionary<string, Microsoft.ML.OnnxRuntime.NodeMetadata> inputs) =>
        inputs.TryGetValue("past_key_values.0.decoder.key", out var meta) ? meta.ElementDataType : TensorElementType.Float;

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        TranslateDetailed(segments, cancellationToken).Select(r => r.Translation).ToList();

    public IReadOnlyList<TranslationResult> TranslateDetailed(IReadOnlyList<string> sources, CancellationToken cancellationToken = default) =>
        TranslateDetailed(sources, [], cancellationToken);

    public IReadOnlyList<TranslationResult> TranslateDetailed(IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<TermMatch>> terms, CancellationToken cancellationToken = default)
    {
        // Each source becomes one or more model inputs (over-long ones are cut); results are joined back per source.
        var inputs = new List<(int Source, int[] Ids)>();
        var constraints = new List<IReadOnlyList<TermConstraint>>();
        for (int i = 0; i < sources.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(sources[i]))
            {
                continue;
            }
            var (language, pieces) = Tokenizer.EncodeParts(sources[i]);
            var chunks = InputChunker.Split(pieces, _maxInputLength - MarianTokenizer.FrameLength(language), Tokenizer.Vocabulary.Piece).ToList();
            var matches = i < terms.Count ? terms[i] : [];
            constraints.AddRange(matches.Count == 0 ? chunks.Select(_ => (IReadOnlyList<TermConstraint>)[])
                : TermInputs.For(sources[i], matches, chunks, Tokenizer, _termTargets.Value, Settings.MaxLength));
            inputs.AddRange(chunks.Select(chunk => (i, Tokenizer.Frame(language, chunk))));
        }
        var generated = new GeneratedSequence[inputs.Count];
        // Longest first, so batches hold similar lengths and the biggest work starts early.
        var order = Enumerable.Range(0, inputs.Count).OrderByDescending(i => inputs[i].Ids.Length).ToArray();
        foreach (var group in order.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = Generate(group.Select(i => inputs[i].Ids).ToList(), new SentenceConstraints(group.Select(i => constraints[i]).ToList()));
            for (int k = 0; k < group.Length; k++)
            {
                generated[group[k]] = results[k];
            }
        }
        return Assemble(sources, inputs, generated);
    }

    /// <summary>Runs the engine on already-tokenized inputs, one batch.</summary>
    public GeneratedSequence[] Generate(IReadOnlyList<int[]> inputIds, SentenceConstraints? constraints = null)
    {
        var state = _encoder.Encode(inputIds);
        using var batch = new OnnxDecoderBatch(_decoder, state, Settings.DecoderStartTokenId);
        return _strategy.Decode(batch, constraints);
    }

    private List<TranslationResult> Assemble(IReadOnlyList<string> sources, List<(int Source, int[] Ids)> inputs, GeneratedSequence[] generated)
    {
        var results = new List<TranslationResult>(sources.Count);
        int next = 0;
        for (int i = 0; i < sources.Count; i++)
        {
            var parts = new List<GeneratedSequence>();
            while (next < inputs.Count && inputs[next].Source == i)
            {
                parts.Add(generated[next++]);
            }
            var text = string.Join(" ", parts.Select(p => Tokenizer.Decode(p.Tokens)).Where(t => t.Length > 0));
            results.Add(new TranslationResult(sources[i], text, parts.SelectMany(p => p.Tokens).ToArray(), parts.Sum(p => p.Score)));
        }
        return results;
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }
}
