namespace Tarjama.Models;

/// <summary>Refuses token ids the model's embedding does not have (config.json's <c>vocab_size</c>): tokenizer files
/// from another model, or a special id mistyped in a config. ONNX Runtime would otherwise fail at the first
/// translation with an index error of its own, or, for ids only ever compared, the output would silently change.</summary>
internal static class ModelVocabularyCheck
{
    public static void Check(ModelFolder folder, ModelFamily family)
    {
        int size = folder.Config.VocabSize;
        if (size <= 0)
        {
            return; // a config without vocab_size: nothing to check against
        }
        string config = folder.File("config.json");
        if (family.TokenCount > size)
        {
            throw new TarjamaException(
                $"{folder.Path}: the tokenizer gives ids up to {family.TokenCount - 1}, but the model has {size} tokens (vocab_size in {config}): the tokenizer files and the model do not belong together");
        }
        var ids = family.Ids;
        var generation = folder.Generation;
        var named = new List<(string Name, int Id)>
        {
            ("eos_token_id", ids.Eos), ("pad_token_id", ids.Pad), ("decoder_start_token_id", ids.DecoderStart), ("the <unk> token", ids.Unk),
        };
        named.AddRange(GenerationConfig.IdList(generation.EosTokenId).Select(id => ("eos_token_id", id)));
        named.AddRange(GenerationConfig.IdList(generation.ForcedEosTokenId).Select(id => ("forced_eos_token_id", id)));
        // A banned sequence holding an id the model never writes would never match: the ban silently does nothing.
        named.AddRange((generation.BadWordsIds ?? []).SelectMany(sequence => sequence).Select(id => ("bad_words_ids", id)));
        if (named.FirstOrDefault(n => n.Id < 0 || n.Id >= size) is { Name: not null } outside)
        {
            throw new TarjamaException(
                $"{folder.Path}: {outside.Name} {outside.Id} is not a token of the model (ids 0 to {size - 1}, vocab_size in {config}); correct it in generation_config.json or config.json");
        }
    }
}
