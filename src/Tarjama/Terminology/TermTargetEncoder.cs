using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;
using Tarjama.Decoding.Constraints;
using Tarjama.Models;
using Tarjama.Tokenization;

namespace Tarjama.Terminology;

/// <summary>Spells glossary targets in the pieces a model writes: its target SentencePiece model (<c>target.spm</c>),
/// or the source one where a model ships only one, mapped through the vocabulary.</summary>
public sealed class TermTargetEncoder
{
    private readonly SentencePieceTokenizer? _target;
    private readonly MarianTokenizer _tokenizer;
    private readonly ConcurrentDictionary<string, TermConstraint?> _known = new(StringComparer.Ordinal);

    private TermTargetEncoder(SentencePieceTokenizer? target, MarianTokenizer tokenizer)
    {
        _target = target;
        _tokenizer = tokenizer;
    }

    public static TermTargetEncoder Load(ModelFolder folder, MarianTokenizer tokenizer)
    {
        string path = folder.File("target.spm");
        if (!File.Exists(path))
        {
            return new TermTargetEncoder(null, tokenizer);
        }
        try
        {
            using var stream = File.OpenRead(path);
            return new TermTargetEncoder(SentencePieceTokenizer.Create(stream, false, false), tokenizer);
        }
        catch (Exception e) when (e is not TarjamaException)
        {
            throw new TarjamaException($"{path}: not a SentencePiece model ({e.Message})", e);
        }
    }

    /// <summary>The pieces of <paramref name="target"/> as it stands after a space, or null when the vocabulary cannot
    /// write it exactly (a character it lacks): such a term cannot be enforced, and the quality checks report it.</summary>
    public TermConstraint? Encode(string target) => _known.GetOrAdd(target, Spell);

    private TermConstraint? Spell(string target)
    {
        int[] ids;
        if (_target is null)
        {
            ids = [.. _tokenizer.EncodePieces(target)];
        }
        else
        {
            var tokens = _target.EncodeToTokens(target, out _, addBeginningOfSentence: false, addEndOfSentence: false);
            ids = new int[tokens.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = _tokenizer.Vocabulary.TryGetId(tokens[i].Value, out int id) ? id : _tokenizer.Ids.Unk;
            }
        }
        bool exact = ids.Length > 0 && !ids.Contains(_tokenizer.Ids.Unk) && _tokenizer.Decode(ids) == target;
        return exact ? new TermConstraint(target, ids) : null;
    }
}
