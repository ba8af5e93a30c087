using System.Collections.Concurrent;

namespace Tarjama.Terminology;

/// <summary>A glossary kept under an id for later requests to name, with what describes it and who stored it.</summary>
public sealed record StoredGlossary(string Id, string Owner, string Name, string SourceLanguage, string TargetLanguage, DateTimeOffset Created, TermMatcher Terms)
{
    public int EntryCount => Terms.Glossary.Entries.Count;
}

/// <summary>Named glossaries held in memory, shared between requests (the HTTP API's and DeepL's glossary endpoints);
/// bounded in number and in entries all together, and for each owner to a share of that. Each belongs to the caller
/// that stored it (an API key, or an address), and to anyone else does not exist, so one caller can neither read, use
/// nor delete another's terminology, nor fill the store for the others. Safe to share between threads.</summary>
public sealed class GlossaryStore(int maxGlossaries = 1000, int maxEntries = 1_000_000)
{
    /// <summary>One owner may hold this fraction of the store: a caller that fills its share leaves the rest to others.</summary>
    public const int OwnerShares = 10;

    private readonly ConcurrentDictionary<string, StoredGlossary> _glossaries = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    /// <summary>The most glossaries one owner may hold.</summary>
    public int MaxGlossariesPerOwner { get; } = Math.Max(1, maxGlossaries / OwnerShares);

    /// <summary>The most entries one owner's glossaries may hold together.</summary>
    public int MaxEntriesPerOwner { get; } = Math.Max(1, maxEntries / OwnerShares);

    /// <summary>The owner's glossaries, oldest first.</summary>
    public IReadOnlyList<StoredGlossary> All(string owner) => [.. _glossaries.Values.Where(g => g.Owner == owner).OrderBy(g => g.Created)];

    /// <exception cref="TarjamaException">The glossary has no entries, or the owner's share of the store, or the store, is full.</exception>
    public StoredGlossary Add(string owner, string name, string sourceLanguage, string targetLanguage, Glossary glossary)
    {
        if (glossary.Entries.Count == 0)
        {
            // A stored glossary cannot be changed: one without entries would only take a place in its owner's share.
            throw new TarjamaException("the glossary has no entries (source<TAB>target lines): nothing to store");
        }
        var stored = new StoredGlossary(Guid.NewGuid().ToString(), owner, name, sourceLanguage, targetLanguage, DateTimeOffset.UtcNow, new TermMatcher(glossary));
        lock (_lock)
        {
            var owned = _glossaries.Values.Where(g => g.Owner == owner).ToList();
            if (owned.Count >= MaxGlossariesPerOwner || owned.Sum(g => g.EntryCount) + stored.EntryCount > MaxEntriesPerOwner)
            {
                throw new TarjamaException($"your glossaries are at one caller's share of the glossary store ({MaxGlossariesPerOwner} glossaries, {MaxEntriesPerOwner} entries in all): delete one first");
            }
            if (_glossaries.Count >= maxGlossaries || _glossaries.Values.Sum(g => g.EntryCount) + stored.EntryCount > maxEntries)
            {
                throw new TarjamaException($"the glossary store is full ({maxGlossaries} glossaries, {maxEntries} entries in all): delete one first");
            }
            _glossaries[stored.Id] = stored;
        }
        return stored;
    }

    /// <summary>The owner's glossary with that id; null for an unknown id or another caller's.</summary>
    public StoredGlossary? Find(string id, string owner) => _glossaries.GetValueOrDefault(id) is { } stored && stored.Owner == owner ? stored : null;

    /// <summary>Deletes the owner's glossary; false for an unknown id or another caller's.</summary>
    public bool Remove(string id, string owner) => Find(id, owner) is { } stored && _glossaries.TryRemove(KeyValuePair.Create(id, stored));
}
