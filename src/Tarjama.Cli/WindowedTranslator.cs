namespace Tarjama.Cli;

/// <summary>An engine fed a window of segments at a time, as <c>translate --sentences</c> feeds it, so that a long test set
/// shows progress and gives the same translations as that command.</summary>
internal sealed class WindowedTranslator(ISegmentTranslator engine, int window, TerminalProgress? progress) : ISegmentTranslator, IDisposable
{
    public string SourceLanguage => engine.SourceLanguage;
    public string TargetLanguage => engine.TargetLanguage;

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
    {
        var translations = new List<string>(segments.Count);
        progress?.Report(0, 0);
        try
        {
            foreach (var part in segments.Chunk(window))
            {
                translations.AddRange(engine.Translate(part, cancellationToken));
                progress?.Report(translations.Count, (double)translations.Count / segments.Count);
            }
        }
        finally
        {
            progress?.Clear();
        }
        return translations;
    }

    public void Dispose() => (engine as IDisposable)?.Dispose();
}
