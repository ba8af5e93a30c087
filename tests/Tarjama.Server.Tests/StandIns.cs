namespace Tarjama.Server.Tests;

/// <summary>Translators with known, instant output, so tests can check what came back for what went in.</summary>
internal sealed class EchoTranslator(string source = "ar", string target = "en") : ISegmentTranslator
{
    private int _calls;

    public string SourceLanguage => source;
    public string TargetLanguage => target;

    /// <summary>Engine calls so far.</summary>
    public int Calls => _calls;

    /// <summary>Sizes of the batches it was given, in order.</summary>
    public List<int> BatchSizes { get; } = [];

    /// <summary>Called with each batch before it is translated; may block or throw.</summary>
    public Action<IReadOnlyList<string>>? OnBatch { get; init; }

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        lock (BatchSizes)
        {
            BatchSizes.Add(segments.Count);
        }
        OnBatch?.Invoke(segments);
        return segments.Select(s => $"<{s}>").ToList();
    }
}
