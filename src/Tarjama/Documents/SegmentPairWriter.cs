namespace Tarjama.Documents;

/// <summary>Writes segment pairs as a bilingual view, streaming: pairs go out as they come, the end when told.</summary>
internal abstract class SegmentPairWriter
{
    public static SegmentPairWriter Create(BilingualFormat format, TextWriter output, string sourceLanguage, string targetLanguage, string title) => format switch
    {
        BilingualFormat.Jsonl => new JsonlPairWriter(output),
        BilingualFormat.Tmx => new TmxPairWriter(output, sourceLanguage, targetLanguage),
        BilingualFormat.Html => new SideBySideHtmlWriter(output, sourceLanguage, targetLanguage, title),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Writes a merged segment.</summary>
    public void Write(MergedSegment segment) => Write(Record(segment));

    public static SegmentPair Record(MergedSegment segment) =>
        new(segment.Segment.Paragraph, segment.Segment.Index, segment.Segment.Source, segment.Target) { Origin = segment.Origin, Matches = segment.Matches, Notes = segment.Notes, Qa = segment.Qa };

    /// <summary>Writes one bilingual record.</summary>
    public abstract void Write(SegmentPair pair);

    /// <summary>Ends the output after the last pair.</summary>
    public abstract void Complete();
}
