using Tarjama.Documents;

namespace Tarjama.Memory;

/// <summary>A memory's entries for other tools: TMX 1.4b (level 1: plain text, numbers written in), as OmegaT imports
/// from a project's tm/ folder.</summary>
public static class MemoryExport
{
    /// <summary>Writes the memory's <paramref name="sourceLanguage"/>→<paramref name="targetLanguage"/> entries; returns how many.</summary>
    public static int WriteTmx(TranslationMemory memory, TextWriter output, string sourceLanguage, string targetLanguage)
    {
        var tmx = new TmxPairWriter(output, sourceLanguage, targetLanguage);
        int count = 0;
        foreach (var (source, target) in memory.Pairs(sourceLanguage, targetLanguage))
        {
            tmx.Write(new SegmentPair(0, count++, source, target) { Origin = new TranslationOrigin(TranslationSource.MemoryExact, 1) });
        }
        tmx.Complete();
        return count;
    }
}
