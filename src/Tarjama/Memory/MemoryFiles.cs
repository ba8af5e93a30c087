namespace Tarjama.Memory;

/// <summary>Opens the memories <c>--tm</c> names: a SQLite memory file as it is, a bilingual file (TMX, JSONL, XLIFF)
/// read into a memory held in memory.</summary>
public static class MemoryFiles
{
    /// <exception cref="TarjamaException">A file that is missing or cannot be read; memories opened before it are closed.</exception>
    public static List<TranslationMemory> Open(IEnumerable<string> paths, string sourceLanguage, string targetLanguage)
    {
        var memories = new List<TranslationMemory>();
        try
        {
            foreach (var path in paths)
            {
                if (!BilingualFiles.IsBilingual(path))
                {
                    memories.Add(TranslationMemory.OpenToRead(path));
                    continue;
                }
                var memory = TranslationMemory.InMemory(path);
                memories.Add(memory);
                memory.Add(BilingualFiles.Read(path, sourceLanguage, targetLanguage), sourceLanguage, targetLanguage);
            }
            return memories;
        }
        catch
        {
            memories.ForEach(memory => memory.Dispose());
            throw;
        }
    }
}
