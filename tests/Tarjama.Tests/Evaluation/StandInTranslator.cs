namespace Tarjama.Tests.Evaluation;

/// <summary>Translates from a fixed table and returns unknown segments unchanged.</summary>
internal sealed class StandInTranslator(IReadOnlyDictionary<string, string> table) : ISegmentTranslator, IDisposable
{
    public string SourceLanguage => "ar";

    public string TargetLanguage => "en";

    public bool Disposed { get; private set; }

    public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default) =>
        segments.Select(segment => table.GetValueOrDefault(segment, segment)).ToList();

    public void Dispose() => Disposed = true;
}
