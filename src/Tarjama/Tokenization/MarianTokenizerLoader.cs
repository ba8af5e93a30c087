using Microsoft.ML.Tokenizers;
using Tarjama.Models;
using Tarjama.Text;

namespace Tarjama.Tokenization;

/// <summary>Builds a <see cref="MarianTokenizer"/> from a model folder's files.</summary>
public static class MarianTokenizerLoader
{
    /// <param name="targetLanguage">For models with target-language tokens (opus-mt-en-ar): the language whose token is
    /// put first when the input names none; null adds none, as MarianTokenizer itself does.</param>
    public static MarianTokenizer Load(ModelFolder folder, string? targetLanguage = null)
    {
        var (source, vocabulary, vocabPath) = LoadPieces(folder);
        var ids = SpecialIds(folder, vocabulary, vocabPath);
        return new MarianTokenizer(source, vocabulary, ids, LanguageToken(vocabulary, targetLanguage, vocabPath));
    }

    // Helsinki-NLP's own files win over tokenizer.json when both are there: the converted Unigram can split differently.
    private static (SentencePieceTokenizer, MarianVocabulary, string) LoadPieces(ModelFolder folder)
    {
        string vocabPath = folder.File("vocab.json");
        string spmPath = folder.File("source.spm");
        if (File.Exists(vocabPath) && File.Exists(spmPath))
        {
            return (LoadSentencePiece(spmPath), MarianVocabulary.Load(vocabPath), vocabPath);
        }
        string jsonPath = folder.File("tokenizer.json");
        if (File.Exists(jsonPath))
        {
            var (tokenizer, vocabulary) = TokenizerJsonModel.Load(jsonPath);
            return (tokenizer, vocabulary, jsonPath);
        }
        throw new TarjamaException($"{folder.Path}: missing tokenizer files (needs source.spm + vocab.json, or tokenizer.json)");
    }

    internal static SentencePieceTokenizer LoadSentencePiece(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SentencePieceTokenizer.Create(stream, false, false);
        }
        catch (Exception e) when (e is not TarjamaException)
        {
            throw new TarjamaException($"{path}: not a SentencePiece model ({e.Message})", e);
        }
    }

    private static SpecialTokenIds SpecialIds(ModelFolder folder, MarianVocabulary vocabulary, string vocabPath)
    {
        var config = folder.Config;
        var generation = folder.Generation;
        int eos = GenerationConfig.IdList(generation.EosTokenId).FirstOrDefault(-1) is int g and >= 0
            ? g
            : config.EosTokenId ?? vocabulary.Id("</s>", vocabPath);
        int pad = generation.PadTokenId ?? config.PadTokenId ?? vocabulary.Id("<pad>", vocabPath);
        int start = generation.DecoderStartTokenId ?? config.DecoderStartTokenId ?? pad;
        int unk = vocabulary.Id("<unk>", vocabPath);
        return new SpecialTokenIds(eos, pad, unk, start);
    }

    internal static int? LanguageToken(MarianVocabulary vocabulary, string? targetLanguage, string vocabPath)
    {
        var tokens = vocabulary.LanguageTokens().ToList();
        if (tokens.Count == 0 || targetLanguage is null)
        {
            return null;
        }
        string code = LanguageCodes.ThreeLetter(targetLanguage);
        string wanted = $">>{code}<<";
        if (vocabulary.TryGetId(wanted, out int id))
        {
            return id;
        }
        // Another code of the same language (arb, Standard Arabic, for >>ara<<), as the family matches a --to.
        if (tokens.Order(StringComparer.Ordinal).FirstOrDefault(t => LanguageCodes.Same(t[2..^2], targetLanguage)) is { } same
            && vocabulary.TryGetId(same, out id))
        {
            return id;
        }
        throw new TarjamaException(
            $"{vocabPath}: this model needs a target-language token; '{targetLanguage}' matches none of {string.Join(" ", tokens.Order().Take(12))}");
    }
}
