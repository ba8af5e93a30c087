using System.Globalization;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Microsoft.ML.Tokenizers;
using Tarjama.Models;

namespace Tarjama.Tokenization;

/// <summary>NLLB's or M2M100's tokenizer from a model folder: <c>sentencepiece.bpe.model</c> (with <c>vocab.json</c> for
/// M2M100), or <c>tokenizer.json</c> when that is all there is; added tokens from <c>tokenizer_config.json</c> or
/// <c>tokenizer.json</c>.</summary>
internal static class MultilingualTokenizerLoader
{
    private sealed record AddedTokenEntry
    {
        [JsonPropertyName("id")] public int? Id { get; init; }
        [JsonPropertyName("content")] public string Content { get; init; } = "";
        [JsonPropertyName("special")] public bool Special { get; init; }
    }

    private sealed record TokenizerConfig
    {
        [JsonPropertyName("tokenizer_class")] public string? TokenizerClass { get; init; }
        [JsonPropertyName("legacy_behaviour")] public bool LegacyBehaviour { get; init; }
        [JsonPropertyName("added_tokens_decoder")] public Dictionary<string, AddedTokenEntry>? AddedTokensDecoder { get; init; }
        [JsonPropertyName("additional_special_tokens")] public List<string>? AdditionalSpecialTokens { get; init; }
        [JsonPropertyName("language_codes")] public string? LanguageCodes { get; init; }
    }

    private sealed record TokenizerJson
    {
        [JsonPropertyName("added_tokens")] public List<AddedTokenEntry>? AddedTokens { get; init; }
    }

    /// <summary>The tokenizer, whether it is NLLB's (else M2M100's), and whether NLLB's legacy frame
    /// (<c>tokens &lt;/s&gt; [src_lang]</c>) is asked for.</summary>
    public static (MultilingualTokenizer Tokenizer, bool IsNllb, bool Legacy) Load(ModelFolder folder)
    {
        string configPath = folder.File("tokenizer_config.json");
        var config = File.Exists(configPath) ? ModelJson.Read<TokenizerConfig>(configPath) : new TokenizerConfig();
        var added = AddedTokenEntries(folder, config);
        bool isNllb = config.TokenizerClass?.StartsWith("Nllb", StringComparison.Ordinal)
            ?? added.Keys.Any(NllbLanguages.IsCode);
        string spmPath = folder.File("sentencepiece.bpe.model");
        string jsonPath = folder.File("tokenizer.json");
        string vocabPath = folder.File("vocab.json");
        bool slow = File.Exists(spmPath) && (isNllb || File.Exists(vocabPath));
        var addedNames = added.Keys.ToHashSet();
        var (pieces, vocabulary, charsmap) = slow
            ? (MarianTokenizerLoader.LoadSentencePiece(spmPath), isNllb ? FairseqVocabulary(spmPath) : MarianVocabulary.Load(vocabPath), ReadModel(spmPath).Charsmap)
            : File.Exists(jsonPath)
                ? TokenizerJsonModel.LoadBpe(jsonPath, addedNames)
                : throw new TarjamaException($"{folder.Path}: missing tokenizer files (needs sentencepiece.bpe.model{(isNllb ? "" : " + vocab.json")}, or tokenizer.json)");
        var languages = !isNllb && slow ? M2M100Languages(folder, config, vocabulary, added) : null;
        if (added.Count == 0)
        {
            throw new TarjamaException($"{folder.Path}: no added tokens (language codes) in tokenizer_config.json or tokenizer.json");
        }
        var tokens = new AddedTokens(added.ToDictionary(t => t.Key, t => t.Value.Id), added.Where(t => t.Value.Special).Select(t => t.Value.Id));
        languages ??= tokens.Tokens.Where(t => isNllb ? NllbLanguages.IsCode(t) : NllbLanguages.IsM2M100Token(t))
            .ToDictionary(t => t, t => tokens.TryGetId(t, out int id) ? id : -1);
        int Special(string name) => tokens.TryGetId(name, out int id) || vocabulary.TryGetId(name, out id)
            ? id : throw new TarjamaException($"{folder.Path}: the tokenizer has no '{name}' token");
        int pad = folder.Generation.PadTokenId ?? folder.Config.PadTokenId ?? Special("<pad>");
        int eos = GenerationConfig.IdList(folder.Generation.EosTokenId) is [int e, ..] ? e : folder.Config.EosTokenId ?? Special("</s>");
        int start = folder.Generation.DecoderStartTokenId ?? folder.Config.DecoderStartTokenId ?? eos;
        var ids = new SpecialTokenIds(eos, pad, Special("<unk>"), start);
        return (new MultilingualTokenizer(pieces, TokenizerJsonModel.Normalizer(charsmap), vocabulary, tokens, languages, ids), isNllb, config.LegacyBehaviour);
    }

    private static Dictionary<string, (int Id, bool Special)> AddedTokenEntries(ModelFolder folder, TokenizerConfig config)
    {
        if (config.AddedTokensDecoder is { Count: > 0 } decoder)
        {
            string configPath = folder.File("tokenizer_config.json");
            return Distinct(configPath, decoder.Select(t => (t.Key, t.Value)));
        }
        string jsonPath = folder.File("tokenizer.json");
        return File.Exists(jsonPath) && ModelJson.Read<TokenizerJson>(jsonPath).AddedTokens is { Count: > 0 } list
            ? Distinct(jsonPath, list.Where(t => t.Id is not null).Select(t => (t.Id!.Value.ToString(CultureInfo.InvariantCulture), t)))
            : [];
    }

    // Added tokens by content; an entry without an id or content, or a content listed twice, names the file (a
    // hand-edited or damaged config) rather than failing inside a dictionary.
    private static Dictionary<string, (int Id, bool Special)> Distinct(string path, IEnumerable<(string Id, AddedTokenEntry Entry)> entries)
    {
        var tokens = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        foreach (var (id, entry) in entries)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int known) || string.IsNullOrEmpty(entry.Content))
            {
                throw new TarjamaException($"{path}: an added token needs a whole-number id and a content (got id '{id}', content '{entry.Content}')");
            }
            if (!tokens.TryAdd(entry.Content, (known, entry.Special)))
            {
                throw new TarjamaException($"{path}: the added token '{entry.Content}' is listed twice");
            }
        }
        return tokens;
    }

    // M2M100Tokenizer's language tokens follow vocab.json (len(vocab) + index in the language list) whether or not
    // the config lists them; only tokens the config lists as added are cut out of the text, as Hugging Face's slow
    // tokenizer does. An old config with no added tokens gets the special tokens of vocab.json.
    private static Dictionary<string, int> M2M100Languages(ModelFolder folder, TokenizerConfig config, MarianVocabulary vocabulary,
        Dictionary<string, (int Id, bool Special)> added)
    {
        var languages = M2M100LanguageCodes.TokenIds(config.LanguageCodes, vocabulary.Entries, folder.File("tokenizer_config.json"));
        foreach (string token in config.AdditionalSpecialTokens ?? [])
        {
            if (languages.TryGetValue(token, out int id))
            {
                added.TryAdd(token, (id, true));
            }
        }
        if (added.Count == 0)
        {
            foreach (string token in (string[])["<s>", "<pad>", "</s>", "<unk>"])
            {
                if (vocabulary.TryGetId(token, out int id))
                {
                    added[token] = (id, true);
                }
            }
        }
        return languages;
    }

    // NllbTokenizer's ids: fairseq's <s> <pad> </s> <unk> first, then SentencePiece's pieces shifted by one.
    private static MarianVocabulary FairseqVocabulary(string path)
    {
        var ids = new Dictionary<string, int> { ["<s>"] = 0, ["<pad>"] = 1, ["</s>"] = 2, ["<unk>"] = 3 };
        var pieces = ReadModel(path).Pieces;
        for (int index = 0; index < pieces.Count; index++)
        {
            // Normal pieces only: unknown, control and unused ones are never produced by encoding.
            if (pieces[index].Type == 1)
            {
                ids.TryAdd(pieces[index].Piece, index + 1);
            }
        }
        return MarianVocabulary.FromIds(ids);
    }

    // The pieces (field 1) and the normaliser's precompiled character map (field 3.2) of a sentencepiece model file.
    private static (List<(string Piece, int Type)> Pieces, byte[] Charsmap) ReadModel(string path)
    {
        var pieces = new List<(string, int)>();
        byte[] charsmap = [];
        var input = new CodedInputStream(ModelFileReader.Read(path, File.ReadAllBytes));
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: pieces.Add(ReadFields(input.ReadBytes(), out var fields) ? (fields.Text, fields.Number) : ("", 0)); break;
                case 3: charsmap = ReadFields(input.ReadBytes(), out var spec) ? spec.Bytes : []; break;
                default: input.SkipLastField(); break;
            }
        }
        return (pieces, charsmap);
    }

    // A piece (1: text, 3: type) or a normaliser spec (2: precompiled map): the few fields read here.
    private static bool ReadFields(ByteString bytes, out (string Text, int Number, byte[] Bytes) fields)
    {
        var input = bytes.CreateCodedInput();
        fields = ("", 1, []);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch ((WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag)))
            {
                case (1, WireFormat.WireType.LengthDelimited): fields.Text = input.ReadString(); break;
                case (2, WireFormat.WireType.LengthDelimited): fields.Bytes = input.ReadBytes().ToByteArray(); break;
                case (3, WireFormat.WireType.Varint): fields.Number = input.ReadEnum(); break;
                default: input.SkipLastField(); break;
            }
        }
        return true;
    }
}
