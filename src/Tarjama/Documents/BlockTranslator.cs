using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Translates blocks: cuts them into segments, masks them, sends each distinct segment once (in batches of
/// <see cref="DocumentTranslationOptions.BatchSegments"/>), then restores punctuation, verbatim text and markup.</summary>
internal sealed class BlockTranslator(ISegmentTranslator translator, DocumentTranslationOptions options)
{
    private readonly SegmentMasker _masker = new(new VerbatimSpans(options.Verbatim), options.Normalization, translator.TargetLanguage);
    private readonly TranslationCache _cache = new(options.CacheCharacters);

    /// <summary>Translates <paramref name="blocks"/>, telling <paramref name="progress"/> (segments done, segments in all)
    /// after each call to the translator.</summary>
    public IReadOnlyList<SegmentedBlock> Translate(IReadOnlyList<IReadOnlyList<InlinePiece>> blocks, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var segmented = blocks.Select(block => BlockSegmenter.Split(block, options.SegmentLengthLimit)).ToList();
        var jobs = new List<(BlockSpan Span, MaskedSegment Masked)>();
        foreach (var block in segmented)
        {
            foreach (var span in block.Spans.Where(span => span.IsSegment))
            {
                var masked = _masker.Mask(block.Pieces, span.Parts);
                if (masked.HasText)
                {
                    jobs.Add((span, masked));
                }
                else
                {
                    span.Result = _masker.Untranslated(masked);
                }
            }
        }
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, masked) in jobs)
        {
            if (!outputs.ContainsKey(masked.Input) && _cache.TryGet(masked.Input, out var cached))
            {
                outputs[masked.Input] = cached;
            }
        }
        var uses = jobs.CountBy(job => job.Masked.Input).ToDictionary(StringComparer.Ordinal);
        int total = segmented.Sum(block => block.Spans.Count(span => span.IsSegment));
        int done = total - jobs.Count + jobs.Count(job => outputs.ContainsKey(job.Masked.Input));
        progress?.Invoke(done, total);
        foreach (var batch in uses.Keys.Where(input => !outputs.ContainsKey(input)).Chunk(options.BatchSegments))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var translations = translator.Translate(batch, cancellationToken);
            if (translations.Count != batch.Length)
            {
                throw new InvalidOperationException($"the translator returned {translations.Count} translations for {batch.Length} segments");
            }
            for (int i = 0; i < batch.Length; i++)
            {
                outputs[batch[i]] = translations[i] ?? "";
                _cache.Add(batch[i], outputs[batch[i]]);
                done += uses[batch[i]];
            }
            progress?.Invoke(done, total);
        }
        var restorations = new Dictionary<(string, string), IReadOnlyList<RestoredPart>>();
        foreach (var (span, masked) in jobs)
        {
            var key = (masked.Input, string.Concat(masked.Kinds.Select(kind => (char)('0' + (int)kind))));
            if (!restorations.TryGetValue(key, out var restored))
            {
                restored = Placeholders.Restore(masked.Input, PunctuationStyle.Apply(outputs[masked.Input], translator.TargetLanguage), masked.Kinds);
                restorations[key] = restored; // repeats restore alike: do it once
            }
            span.Result = Result(masked, restored);
            if (options.Quality is { } quality)
            {
                span.Result = span.Result with { Qa = quality.Check(span.Result.Source, span.Result.Target) };
            }
        }
        return segmented;
    }

    private static SegmentResult Result(MaskedSegment masked, IReadOnlyList<RestoredPart> restored)
    {
        if (!restored.Any(part => !string.IsNullOrWhiteSpace(part.Text)))
        {
            return new SegmentResult(null, masked.Source, masked.Source); // an empty translation would lose the sentence
        }
        var parts = masked.Parts(restored);
        return new SegmentResult(parts, masked.Source, string.Concat(parts.Select(part => part.Text)));
    }
}
