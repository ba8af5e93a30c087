using System.Collections.Concurrent;

namespace Tarjama.Terminology;

/// <summary>A glossary kept under an id for later requests to name, with what describes it.</summary>
public sealed record StoredGlossary(string Id, string Name, string SourceLanguage, string TargetLanguage, DateTimeOffset Created, TermMatcher Terms)
{
    public int EntryCount => Terms.Glossary.Entries.Count;
}

/// <summary>Named glossaries held in memory, shared between requests (the HTTP API's, and DeepL's glossary endpoints
/// later); bounded in number and in entries all together. Safe to share between threads.</summary>
public sealed class GlossaryStore(int maxGlossaries = 1000, int maxEntries = 1_000_000)
{
    private readonly ConcurrentDictionary<string, StoredGlossary> _glossaries = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public IReadOnlyList<StoredGlossary> All => [.. _glossaries.Values.OrderBy(g => g.Created)];

    /// <exception cref="TarjamaException">The store is full.</exception>
    public StoredGlossary Add(string name, string sourceLanguage, string targetLanguage, Glossary glossary)
    {
        var stored = new StoredGlossary(Guid.NewGuid().ToString(), name, sourceLanguage, targetLanguage, DateTimeOffset.UtcNow, new TermMatcher(glossary));
        lock (_lock)
        {
            if (_glossaries.Count >= maxGlossaries || _glossaries.Values.Sum(g => g.EntryCount) + stored.EntryCount > maxEntries)
            {
                throw new TarjamaException($"the glossary store is full ({maxGlossaries} glossaries, {maxEntries} entries in all): delete one first");
            }
            _glossaries[stored.Id] = stored;
        }
        return stored;
    }

    public StoredGlossary? Find(string id) => _glossaries.GetValueOrDefault(id);

    public bool Remove(string id) => _glossaries.TryRemove(id, out _);
}
