namespace Tarjama.Documents;

/// <summary>Machine translation of extracted segments: each distinct model input is sent once (in batches of
/// <see cref="DocumentTranslationOptions.BatchSegments"/>), repeats across calls come from a bounded cache.</summary>
internal sealed class ModelInputTranslator(ISegmentTranslator translator, DocumentTranslationOptions options)
{
    private readonly TranslationCache _cache = new(options.CacheCharacters);

    /// <summary>The model's outputs by model input for the translatable <paramref name="segments"/>, telling
    /// <paramref name="progress"/> (segments done, segments in all) after each call to the translator.</summary>
    public Dictionary<string, string> Translate(IReadOnlyList<ExtractedSegment> segments, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var inputs = segments.Where(segment => segment.Translatable).Select(segment => segment.ModelInput).ToList();
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!outputs.ContainsKey(input) && _cache.TryGet(input, out var cached))
            {
                outputs[input] = cached;
            }
        }
        var uses = inputs.CountBy(input => input).ToDictionary(StringComparer.Ordinal);
        int done = segments.Count - inputs.Count + inputs.Count(outputs.ContainsKey);
        progress?.Invoke(done, segments.Count);
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
            progress?.Invoke(done, segments.Count);
        }
        return outputs;
    }
}
