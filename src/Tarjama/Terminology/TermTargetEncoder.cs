using System.Collections.Concurrent;
using Tarjama.Decoding.Constraints;
using Tarjama.Models;

namespace Tarjama.Terminology;

/// <summary>Spells glossary targets in the pieces a model writes (its family knows which tokenizer that is), once per
/// target.</summary>
public sealed class TermTargetEncoder(ModelFamily family)
{
    private readonly ConcurrentDictionary<string, TermConstraint?> _known = new(StringComparer.Ordinal);

    /// <summary>The pieces of <paramref name="target"/> as it stands after a space, or null when the vocabulary cannot
    /// write it exactly (a character it lacks): such a term cannot be enforced, and the quality checks report it.</summary>
    public TermConstraint? Encode(string target) => _known.GetOrAdd(target, Spell);

    private TermConstraint? Spell(string target)
    {
        int[] ids = family.EncodeTarget(target);
        bool exact = ids.Length > 0 && !ids.Contains(family.Ids.Unk) && family.Decode(ids) == target;
        return exact ? new TermConstraint(target, ids) : null;
    }
}
