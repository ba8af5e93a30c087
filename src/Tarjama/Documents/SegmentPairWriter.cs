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

    /// <summary>Writes the segments of a translated block, the <paramref name="paragraph"/>-th of its document.</summary>
    public void Write(int paragraph, SegmentedBlock block)
    {
        int segment = 0;
        foreach (var result in block.Segments)
        {
            Write(new SegmentPair(paragraph, segment++, result.Source, result.Target, result.Qa));
        }
    }

    protected abstract void Write(SegmentPair pair);

    /// <summary>Ends the output after the last pair.</summary>
    public abstract void Complete();
}
