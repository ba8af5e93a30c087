using Microsoft.ML.OnnxRuntime.Tensors;
using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Hub;
using Tarjama.Models;
using Tarjama.Terminology;

namespace Tarjama.Translation;

/// <summary>The engine end to end for any supported model family: tokenize, group by search settings and length
/// into batches, encode, decode (greedy or beam), detokenize; results in input order. The language pair and the
/// decoding options are chosen per call (and per text); the model's configs give the defaults.</summary>
public sealed class Translator : ITermTranslator, IDisposable
{
    private readonly OnnxEncoder _encoder;
    private readonly OnnxDecoder _decoder;
    private readonly GenerationConfig _generation;
    private readonly GenerationOverrides _defaults;
    private readonly int _maxInputLength;
    private readonly TermTargetEncoder _termTargets;
    private readonly bool _greedyScores;

    private Translator(ModelFolder folder, ModelFamily family, OnnxEncoder encoder, OnnxDecoder decoder, TranslatorOptions options)
    {
        Family = family;
        _encoder = encoder;
        _decoder = decoder;
        _generation = folder.Generation;
        _defaults = options.Generation;
        Settings = SettingsFor(_defaults);
        BatchSize = options.BatchSize;
        _maxInputLength = folder.Config.MaxPositionEmbeddings;
        _termTargets = new TermTargetEncoder(family);
        _greedyScores = options.Engine.FullLogits;
    }

    public ModelFamily Family { get; }
    public string SourceLanguage => Family.IsoCode(Family.DefaultPair.Source);
    public string TargetLanguage => Family.IsoCode(Family.DefaultPair.Target);
    /// <summary>The decoding rules a call gets when it overrides none.</summary>
    public GenerationSettings Settings { get; }
    public int BatchSize { get; }
    /// <summary>Time spent inside ONNX Runtime by this translator.</summary>
    public EngineStatistics Statistics { get; private init; } = new();

    /// <summary>Loads a model by catalogue name (<c>nllb-200-distilled-600M</c>), Hub repository id
    /// (<c>Xenova/opus-mt-ar-en</c>) or folder; a model not on disk yet is pulled into the Hugging Face cache first
    /// (unless <c>HF_HUB_OFFLINE=1</c>).</summary>
    public static Task<Translator> OpenAsync(string model, TranslatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Task.Run(() =>
        {
            var resolve = new ModelResolveOptions { Hub = HubSettings.FromEnvironment(), Dtype = options?.DType ?? ModelDtype.Fp32 };
            return Load(ModelResolver.ResolveModelDirectory(model, resolve, cancellationToken), options);
        }, cancellationToken);
    }

    /// <summary>Loads the model in a folder laid out as the Hub's ONNX exports are.</summary>
    public static Translator Load(string modelPath, TranslatorOptions? options = null)
    {
        options ??= new TranslatorOptions();
        options.Check();
        var folder = ModelFolder.Open(modelPath, options.DType, options.DecoderForm);
        var family = ModelFamilies.Open(folder, options.SourceLanguage, options.TargetLanguage);
        var statistics = new EngineStatistics();
        var encoder = new OnnxEncoder(OnnxSessionLoader.Open(folder.EncoderPath, options.Engine, statistics), family.Ids.Pad);
        try
        {
            // Greedy's shortlist needs the projection cut off the decoder; when the default search is beam search, which
            // reads every logit, the graph stays whole (a cut one would hold a second copy of the projection for it).
            bool greedy = GenerationSettings.From(folder.Generation, family.Ids.Eos, family.Ids.DecoderStart, options.Generation).NumBeams == 1;
            var decoder = OpenDecoder(folder, greedy ? options.Engine : options.Engine with { FullLogits = true }, statistics);
            return new Translator(folder, family, encoder, decoder, options) { Statistics = statistics };
        }
        catch
        {
            // A decoder that does not load leaves no encoder session behind in a program that goes on (a library caller).
            encoder.Dispose();
            throw;
        }
    }

    private static OnnxDecoder OpenDecoder(ModelFolder folder, EngineOptions engine, EngineStatistics statistics)
    {
        var config = folder.Config;
        int heads = config.DecoderAttentionHeads;
        int headSize = config.DModel / heads;
        if (folder.DecoderForm == DecoderForm.Split)
        {
            var (withPast, projection) = OpenDecoderGraph(folder, folder.DecoderWithPastPath!, engine, statistics);
            try
            {
                var cross = CrossAttentionCache.Open(folder.DecoderPath!, OnnxDecoder.CrossPresent(config.DecoderLayers), heads, headSize, engine, statistics);
                var whole = cross is null ? OnnxSessionLoader.Open(folder.DecoderPath!, engine, statistics) : null;
                return new SplitDecoder(cross, whole, withPast, projection, config.DecoderLayers, heads, headSize, CacheType(withPast.InputMetadata));
            }
            catch
            {
                // A first-step graph that does not load leaves nothing of the later steps' behind (a server keeps running).
                withPast.Dispose();
                projection?.Dispose();
                throw;
            }
        }
        var (merged, mergedProjection) = OpenDecoderGraph(folder, folder.MergedDecoderPath!, engine, statistics);
        return new MergedDecoder(merged, mergedProjection, config.DecoderLayers, heads, headSize, CacheType(merged.InputMetadata));
    }

    /// <summary>A decoder graph whose key/value cache inputs fit config.json; nothing stays open when they do not.</summary>
    private static (OnnxSession Session, OutputProjection? Projection) OpenDecoderGraph(ModelFolder folder, string path, EngineOptions engine, EngineStatistics statistics)
    {
        var (session, projection) = OnnxSessionLoader.OpenDecoder(path, engine, statistics);
        try
        {
            DecoderCacheShape.Check(path, session.InputMetadata, folder.Config, folder.File("config.json"));
            return (session, projection);
        }
        catch
        {
            session.Dispose();
            projection?.Dispose();
            throw;
        }
    }

    private static TensorElementType CacheType(IReadOnlyDictionary<string, Microsoft.ML.OnnxRuntime.NodeMetadata> inputs) =>
        inputs.TryGetValue("past_key_values.0.decoder.key", out var meta) ? meta.ElementDataType : TensorElementType.Float;

    private GenerationSettings SettingsFor(GenerationOverrides overrides) =>
        GenerationSettings.From(_generation, Family.Ids.Eos, Family.Ids.DecoderStart, overrides);

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        TranslateDetailed(segments, (TranslationOptions?)null, cancellationToken).Select(r => r.Translation).ToList();

    /// <summary>Translates texts that share one call's options (null: the defaults).</summary>
    public IReadOnlyList<TranslationResult> TranslateDetailed(IReadOnlyList<string> sources, TranslationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TranslationOptions();
        return TranslateDetailed(sources.Select(s => new TranslationItem(s, options)).ToList(), cancellationToken);
    }

    public IReadOnlyList<TranslationResult> TranslateDetailed(IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<TermMatch>> terms, CancellationToken cancellationToken = default) =>
        TranslateDetailed([.. sources.Select((source, i) => new TranslationItem(source, new TranslationOptions()) { Terms = i < terms.Count ? terms[i] : [] })], cancellationToken);

    /// <summary>Translates texts off the caller's thread; cancelling stops before the next engine batch.</summary>
    public Task<IReadOnlyList<TranslationResult>> TranslateAsync(IReadOnlyList<string> texts, TranslationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => TranslateDetailed(texts, options, cancellationToken), cancellationToken);

    /// <summary>This model as a segment translator fixed to one call's options, for documents and evaluation.</summary>
    public ISegmentTranslator With(TranslationOptions options) =>
        new BoundTranslator(this, options ?? throw new ArgumentNullException(nameof(options)));

    private sealed class BoundTranslator(Translator model, TranslationOptions options) : ISegmentTranslator
    {
        private readonly LanguagePair _pair = model.Family.Resolve(options.SourceLanguage, options.TargetLanguage);

        public string SourceLanguage => model.Family.IsoCode(_pair.Source);
        public string TargetLanguage => model.Family.IsoCode(_pair.Target);

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
            model.TranslateDetailed(segments, options, cancellationToken).Select(r => r.Translation).ToList();
    }

    /// <summary>Translates texts each with its own options; texts whose search settings agree share batches whatever
    /// their language pairs.</summary>
    public IReadOnlyList<TranslationResult> TranslateDetailed(IReadOnlyList<TranslationItem> items, CancellationToken cancellationToken = default)
    {
        // Each source becomes one or more model inputs (over-long ones are cut); results are joined back per source.
        var inputs = new List<ModelInput>();
        var requests = new Dictionary<(TranslationOptions, string), (GenerationOverrides, DecodeRequest)>();
        var settings = new Dictionary<GenerationOverrides, GenerationSettings>();
        ArgumentNullException.ThrowIfNull(items);
        for (int i = 0; i < items.Count; i++)
        {
            // A record's positional properties are not checked for null when it is built; a null here is the caller's.
            var (text, options) = items[i] ?? throw new ArgumentException($"item {i} is null", nameof(items));
            ArgumentNullException.ThrowIfNull(options, $"{nameof(items)}[{i}].{nameof(TranslationItem.Options)}");
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var pair = Family.Resolve(options.SourceLanguage, options.TargetLanguage);
            if (!requests.TryGetValue((options, pair.Target), out var request))
            {
                var overrides = options.Generation.Over(_defaults);
                if (!settings.TryGetValue(overrides, out var search))
                {
                    settings[overrides] = search = SettingsFor(overrides);
                }
                request = (overrides, new DecodeRequest(Family.DecoderPrefix(pair), LogitsProcessorList.From(search), search.NumReturnSequences));
                requests[(options, pair.Target)] = request;
            }
            var source = Family.Encode(text, pair);
            var chunks = InputChunker.Split(source.Pieces, _maxInputLength - source.FrameLength, Family.Piece).ToList();
            var matches = items[i].Terms.Count > 0 ? items[i].Terms : options.Glossary?.Match(text) ?? [];
            var terms = matches.Count == 0 ? null : TermInputs.For(text, matches, chunks, Family, _termTargets, settings[request.Item1].MaxLength);
            for (int k = 0; k < chunks.Count; k++)
            {
                // Only a chunk with terms gets a request of its own; the rest share theirs, and decode as without a glossary.
                var chunkRequest = terms?[k] is { Count: > 0 } held ? request.Item2 with { Terms = held } : request.Item2;
                inputs.Add(new ModelInput(i, source.Frame(chunks[k]), request.Item1, chunkRequest));
            }
        }
        var generated = new IReadOnlyList<GeneratedSequence>[inputs.Count];
        foreach (var sameSearch in Enumerable.Range(0, inputs.Count).GroupBy(i => inputs[i].Search))
        {
            // Longest first, so batches hold similar lengths and the biggest work starts early.
            var order = sameSearch.OrderByDescending(i => inputs[i].Ids.Length).ToArray();
            foreach (var group in order.Chunk(BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var results = Generate(settings[sameSearch.Key], group.Select(i => inputs[i].Ids).ToList(), group.Select(i => inputs[i].Request).ToList());
                for (int k = 0; k < group.Length; k++)
                {
                    generated[group[k]] = results[k];
                }
            }
        }
        return Assemble(items, inputs, generated);
    }

    /// <param name="Search">The overrides in force, which decide the batch the input can join.</param>
    private sealed record ModelInput(int Source, int[] Ids, GenerationOverrides Search, DecodeRequest Request);

    /// <summary>Runs the engine on already-tokenized inputs in one batch, with the default settings and pair; the best
    /// hypothesis of each.</summary>
    internal GeneratedSequence[] Generate(IReadOnlyList<int[]> inputIds)
    {
        var request = new DecodeRequest(Family.DecoderPrefix(Family.DefaultPair), LogitsProcessorList.From(Settings));
        return Generate(Settings, inputIds, inputIds.Select(_ => request).ToList()).Select(h => h[0]).ToArray();
    }

    private IReadOnlyList<GeneratedSequence>[] Generate(GenerationSettings settings, IReadOnlyList<int[]> inputIds, IReadOnlyList<DecodeRequest> requests)
    {
        IDecodingStrategy strategy = settings.NumBeams > 1 ? new BeamSearch(settings) : new GreedySearch(settings, _greedyScores);
        var state = _encoder.Encode(inputIds);
        using var batch = new OnnxDecoderBatch(_decoder, state, requests.Select(r => (long)r.Prefix[0]).ToArray());
        return strategy.Decode(batch, requests);
    }

    private List<TranslationResult> Assemble(IReadOnlyList<TranslationItem> items, List<ModelInput> inputs, IReadOnlyList<GeneratedSequence>[] generated)
    {
        var results = new List<TranslationResult>(items.Count);
        int next = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var parts = new List<IReadOnlyList<GeneratedSequence>>();
            while (next < inputs.Count && inputs[next].Source == i)
            {
                parts.Add(generated[next++]);
            }
            // The k-th hypothesis of a text cut into pieces is the k-th of every piece, joined.
            int count = parts.Count == 0 ? 1 : parts.Min(p => p.Count);
            var hypotheses = Enumerable.Range(0, count).Select(k => Join(parts.Select(p => p[k]).ToList())).ToList();
            var best = hypotheses[0];
            results.Add(new TranslationResult(items[i].Text, best.Translation, best.TokenIds, best.Score) { Alternatives = hypotheses.Skip(1).ToList() });
        }
        return results;
    }

    private TranslationHypothesis Join(List<GeneratedSequence> parts) => new(
        string.Join(" ", parts.Select(p => Family.Decode(p.Tokens)).Where(t => t.Length > 0)),
        parts.SelectMany(p => p.Tokens).ToArray(),
        parts.Aggregate((double?)0, (sum, part) => sum + part.Score)); // no score where a part has none

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }
}
