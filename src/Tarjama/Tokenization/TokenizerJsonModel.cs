using System.Text.Json;
using Google.Protobuf;
using Microsoft.ML.Tokenizers;
using Tarjama.Models;

namespace Tarjama.Tokenization;

/// <summary>Reads a Unigram <c>tokenizer.json</c> (as transformers.js exports of Marian models carry it) by writing the
/// SentencePiece model it describes (pieces, scores, normalisation charsmap) and loading that, so both tokenizer
/// forms go through the same SentencePiece implementation.</summary>
public static class TokenizerJsonModel
{
    // Field numbers of sentencepiece_model.proto.
    private const int ModelPieces = 1, ModelTrainerSpec = 2, ModelNormalizerSpec = 3;
    private const int PiecePiece = 1, PieceScore = 2, PieceType = 3;
    private const int TypeNormal = 1, TypeUnknown = 2, TypeControl = 3;
    private const int TrainerModelType = 3, TrainerUnkId = 40, TrainerBosId = 41, TrainerEosId = 42, TrainerPadId = 43;
    private const int UnigramModel = 1, BpeModel = 2;
    private const int NormalizerName = 1, NormalizerCharsmap = 2, NormalizerDummyPrefix = 3, NormalizerExtraWhitespace = 4, NormalizerEscapeWhitespace = 5;

    public static (SentencePieceTokenizer Tokenizer, MarianVocabulary Vocabulary) Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(ModelFileReader.Read(path, File.ReadAllText));
            var root = document.RootElement;
            var model = root.GetProperty("model");
            if (model.GetProperty("type").GetString() != "Unigram")
            {
                throw new TarjamaException($"{path}: only Unigram tokenizer.json models are supported (found {model.GetProperty("type")})");
            }
            var pieces = model.GetProperty("vocab").EnumerateArray().Select(p => (Piece: p[0].GetString()!, Score: p[1].GetSingle())).ToList();
            int unk = model.TryGetProperty("unk_id", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : pieces.FindIndex(p => p.Piece == "<unk>");
            var special = root.TryGetProperty("added_tokens", out var added)
                ? added.EnumerateArray().Where(t => t.GetProperty("special").GetBoolean()).Select(t => t.GetProperty("id").GetInt32()).ToHashSet()
                : [];
            byte[] proto = Proto(pieces, unk, special, Charsmap(root), UnigramModel);
            var tokenizer = SentencePieceTokenizer.Create(new MemoryStream(proto), false, false);
            return (tokenizer, MarianVocabulary.FromPieces(pieces.Select(p => p.Piece).ToList()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new TarjamaException($"{path}: not a usable tokenizer.json ({e.Message})", e);
        }
    }

    /// <summary>A BPE <c>tokenizer.json</c> (NLLB, M2M100 exports) as the SentencePiece BPE model it came from: pieces in
    /// merge order, earlier merges first (scored by rank, as SentencePiece's BPE trainer scores them), after
    /// <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c>; also the vocabulary with the file's own ids.</summary>
    public static (SentencePieceTokenizer Tokenizer, MarianVocabulary Vocabulary, byte[] Charsmap) LoadBpe(string path, IReadOnlySet<string> addedTokens)
    {
        try
        {
            using var document = JsonDocument.Parse(ModelFileReader.Read(path, File.ReadAllText));
            var root = document.RootElement;
            var model = root.GetProperty("model");
            if (model.GetProperty("type").GetString() != "BPE")
            {
                throw new TarjamaException($"{path}: expected a BPE tokenizer.json model (found {model.GetProperty("type")})");
            }
            var vocabulary = model.GetProperty("vocab").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            var made = MergeRanks(model);
            // Pieces a merge makes rank as that merge; the alphabet follows in vocabulary order (M2M100's vocabulary
            // is fairseq's dictionary, ordered by frequency, so the merges give the order, not the ids).
            var ordinary = vocabulary.Where(p => !addedTokens.Contains(p.Key) && p.Key is not ("<s>" or "</s>" or "<unk>" or "<pad>"))
                .OrderBy(p => made.TryGetValue(p.Key, out int rank) ? rank : made.Count + (long)p.Value).Select(p => p.Key).ToList();
            var pieces = new List<(string Piece, float Score)> { ("<unk>", 0), ("<s>", 0), ("</s>", 0) };
            pieces.AddRange(ordinary.Select((p, rank) => (p, (float)-rank)));
            byte[] charsmap = Charsmap(root);
            var tokenizer = SentencePieceTokenizer.Create(new MemoryStream(Proto(pieces, 0, [1, 2], charsmap, BpeModel)), false, false);
            return (tokenizer, MarianVocabulary.FromIds(vocabulary), charsmap);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            throw new TarjamaException($"{path}: not a usable tokenizer.json ({e.Message})", e);
        }
    }

    // The first merge that makes each piece, by its place in the merges list ("a b" strings or ["a", "b"] pairs).
    private static Dictionary<string, int> MergeRanks(JsonElement model)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!model.TryGetProperty("merges", out var merges) || merges.ValueKind != JsonValueKind.Array)
        {
            return ranks;
        }
        int index = 0;
        foreach (var merge in merges.EnumerateArray())
        {
            string made = merge.ValueKind == JsonValueKind.Array
                ? string.Concat(merge.EnumerateArray().Select(part => part.GetString()))
                : merge.GetString()!.Replace(" ", "", StringComparison.Ordinal);
            ranks.TryAdd(made, index++);
        }
        return ranks;
    }

    /// <summary>SentencePiece's normalisation for a precompiled character map (nmt_nfkc and the like), whitespace
    /// escaped and a word boundary put first: the tokenizer library applies the map in Unigram models only, so BPE
    /// models get their text normalised by an empty Unigram model with the same map first.</summary>
    public static Func<string, string> Normalizer(byte[] charsmap)
    {
        var proto = Proto([("<unk>", 0), ("<s>", 0), ("</s>", 0)], 0, [1, 2], charsmap, UnigramModel);
        var unigram = SentencePieceTokenizer.Create(new MemoryStream(proto), false, false);
        return text =>
        {
            unigram.EncodeToTokens(text, out string? normalized, addBeginningOfSentence: false, addEndOfSentence: false);
            return normalized ?? text;
        };
    }

    private static byte[] Charsmap(JsonElement root)
    {
        var normalizers = root.GetProperty("normalizer") switch
        {
            { ValueKind: JsonValueKind.Object } n when n.GetProperty("type").GetString() == "Sequence" => n.GetProperty("normalizers").EnumerateArray().ToList(),
            { ValueKind: JsonValueKind.Object } n => [n],
            _ => [],
        };
        var precompiled = normalizers.FirstOrDefault(n => n.GetProperty("type").GetString() == "Precompiled");
        return precompiled.ValueKind == JsonValueKind.Object && precompiled.GetProperty("precompiled_charsmap") is { ValueKind: JsonValueKind.String } map
            ? Convert.FromBase64String(map.GetString()!)
            : [];
    }

    private static byte[] Proto(List<(string Piece, float Score)> pieces, int unk, HashSet<int> special, byte[] charsmap, int modelType)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        for (int id = 0; id < pieces.Count; id++)
        {
            int type = id == unk ? TypeUnknown : special.Contains(id) ? TypeControl : TypeNormal;
            WriteMessage(output, ModelPieces, o =>
            {
                o.WriteTag(PiecePiece, WireFormat.WireType.LengthDelimited);
                o.WriteString(pieces[id].Piece);
                o.WriteTag(PieceScore, WireFormat.WireType.Fixed32);
                o.WriteFloat(pieces[id].Score);
                o.WriteTag(PieceType, WireFormat.WireType.Varint);
                o.WriteInt32(type);
            });
        }
        int eos = pieces.FindIndex(p => p.Piece == "</s>");
        int pad = pieces.FindIndex(p => p.Piece == "<pad>");
        WriteMessage(output, ModelTrainerSpec, o =>
        {
            // No BOS in Marian; the tokenizer library needs a valid id there all the same (it is never added).
            foreach (var (field, value) in new[] { (TrainerModelType, modelType), (TrainerUnkId, unk), (TrainerBosId, eos), (TrainerEosId, eos), (TrainerPadId, pad) })
            {
                o.WriteTag(field, WireFormat.WireType.Varint);
                o.WriteInt32(value);
            }
        });
        WriteMessage(output, ModelNormalizerSpec, o =>
        {
            o.WriteTag(NormalizerName, WireFormat.WireType.LengthDelimited);
            o.WriteString(charsmap.Length > 0 ? "nmt_nfkc" : "identity");
            o.WriteTag(NormalizerCharsmap, WireFormat.WireType.LengthDelimited);
            o.WriteBytes(ByteString.CopyFrom(charsmap));
            foreach (int flag in new[] { NormalizerDummyPrefix, NormalizerExtraWhitespace, NormalizerEscapeWhitespace })
            {
                o.WriteTag(flag, WireFormat.WireType.Varint);
                o.WriteBool(true);
            }
        });
        output.Flush();
        return buffer.ToArray();
    }

    private static void WriteMessage(CodedOutputStream output, int field, Action<CodedOutputStream> write)
    {
        using var inner = new MemoryStream();
        var nested = new CodedOutputStream(inner);
        write(nested);
        nested.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(inner.ToArray()));
    }
}
