using System.Collections.Concurrent;
using Tarjama.Terminology;

namespace Tarjama.Server;

/// <summary>The server's glossary store as each caller sees it: a stored glossary belongs to the API key (or, on a
/// server without keys, the address) that created it, and to anyone else it does not exist, as with jobs and DeepL
/// documents; so one key can neither read, use nor delete another's terminology.</summary>
internal sealed class OwnedGlossaries(GlossaryStore store)
{
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <inheritdoc cref="GlossaryStore.Add"/>
    public StoredGlossary Add(string owner, string name, string sourceLanguage, string targetLanguage, Glossary glossary)
    {
        var stored = store.Add(name, sourceLanguage, targetLanguage, glossary);
        _owners[stored.Id] = owner;
        return stored;
    }

    /// <summary>The owner's glossary with that id; null for an unknown id or another caller's.</summary>
    public StoredGlossary? Find(string id, string owner) =>
        _owners.TryGetValue(id, out var holder) && holder == owner ? store.Find(id) : null;

    /// <summary>The owner's glossaries, oldest first.</summary>
    public IReadOnlyList<StoredGlossary> All(string owner) => [.. store.All.Where(g => _owners.TryGetValue(g.Id, out var holder) && holder == owner)];

    /// <summary>Deletes the owner's glossary; false for an unknown id or another caller's.</summary>
    public bool Remove(string id, string owner) => Find(id, owner) is not null && store.Remove(id) && _owners.TryRemove(id, out _);
}
