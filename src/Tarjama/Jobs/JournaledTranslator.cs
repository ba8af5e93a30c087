namespace Tarjama.Jobs;

/// <summary>An engine whose finished translations go to a <see cref="TranslationJournal"/>: an input journaled already
/// is not sent again, and each chunk the engine finishes is committed before the next is sent, so a killed run loses
/// at most one chunk of work.</summary>
public sealed class JournaledTranslator(ISegmentTranslator engine, TranslationJournal journal, string fingerprint, int chunkSegments) : ISegmentTranslator
{
    public string SourceLanguage => engine.SourceLanguage;

    public string TargetLanguage => engine.TargetLanguage;

    /// <summary>Distinct inputs the engine was given.</summary>
    public long Translated { get; private set; }

    /// <summary>Distinct inputs found in the journal instead.</summary>
    public long Reused { get; private set; }

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        var keys = segments.Select(segment => SegmentKey.Of(fingerprint, segment)).ToList();
        var outputs = journal.Find(keys.Distinct(StringComparer.Ordinal));
        Reused += outputs.Count;
        var missing = Enumerable.Range(0, segments.Count).Where(i => !outputs.ContainsKey(keys[i])).DistinctBy(i => keys[i]).ToList();
        foreach (var chunk in missing.Chunk(chunkSegments))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var translations = engine.Translate([.. chunk.Select(i => segments[i])], cancellationToken);
            var finished = chunk.Select((i, n) => KeyValuePair.Create(keys[i], translations[n] ?? "")).ToList();
            journal.Record(finished);
            foreach (var (key, output) in finished)
            {
                outputs[key] = output;
            }
            Translated += chunk.Length;
        }
        return [.. keys.Select(key => outputs[key])];
    }
}
