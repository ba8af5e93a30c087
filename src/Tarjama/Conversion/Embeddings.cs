using Tarjama.Conversion.Onnx;

namespace Tarjama.Conversion;

/// <summary>Token embeddings (scaled) plus positions, per family: Marian's static sinusoids counted from the cache
/// length; M2M100's sinusoids indexed from the pad id over the non-pad tokens.</summary>
internal static class Embeddings
{
    /// <summary>The embedding table of the encoder or the decoder, under whichever name the checkpoint kept it.</summary>
    public static CheckpointTensor Table(LayerContext c, bool decoder)
    {
        var config = c.Config;
        string side = decoder ? "decoder" : "encoder";
        var tensor = config.SharedEmbeddings
            ? c.Checkpoint.Get("model.shared.weight", $"model.{side}.embed_tokens.weight", $"model.{(decoder ? "encoder" : "decoder")}.embed_tokens.weight")
            : c.Checkpoint.Get($"model.{side}.embed_tokens.weight");
        int rows = decoder ? config.DecoderVocabSize : config.VocabSize;
        // transformers gives a separate-vocabulary Marian decoder a copy of the source table, so it may be larger.
        return tensor.Shape.Length == 2 && tensor.Shape[1] == config.DModel && tensor.Shape[0] >= rows
            ? tensor
            : throw new TarjamaException($"{c.Checkpoint.Folder}: tensor '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}] but config.json implies [{rows}, {config.DModel}]");
    }

    /// <summary>Embedded tokens plus positions, <c>[batch, length, d]</c>.</summary>
    public static string Embed(LayerContext c, string ids, bool decoder, string pastLength)
    {
        var g = c.Graph;
        var table = c.Encoding.Table(g, Table(c, decoder));
        var tokens = g.Op("Gather", [table, ids]);
        if (c.Config.ScaleEmbedding)
        {
            tokens = g.Op("Mul", [tokens, g.Float(c.Config.EmbedScale)]);
        }
        return g.Op("Add", [tokens, Positions(c, ids, pastLength)]);
    }

    private static string Positions(LayerContext c, string ids, string pastLength)
    {
        var g = c.Graph;
        var config = c.Config;
        if (config.Family == ArchitectureFamily.Marian)
        {
            var table = g.Weights.Get("marian_positions", n => InitializerData.FromFloats(n, [config.MaxPositions, config.DModel], MarianSinusoids(config.MaxPositions, config.DModel)));
            var length = TransformerBlocks.Dimension(c, ids, 1);
            var positions = g.Op("Range", [pastLength, g.Op("Add", [pastLength, length]), g.Scalar(1)]);
            return g.Op("Gather", [table, positions]);
        }

        // transformers' create_position_ids_from_input_ids: (cumsum(ids != pad) + past) * (ids != pad) + pad.
        int rows = config.MaxPositions + 2;
        var m2mTable = g.Weights.Get("m2m100_positions", n => InitializerData.FromFloats(n, [rows, config.DModel], M2M100Sinusoids(rows, config.DModel, config.PadTokenId)));
        var notPad = g.Op("Cast", [g.Op("Not", [g.Op("Equal", [ids, g.Scalar(config.PadTokenId)])])], ("to", (long)TensorProto.Types.DataType.Int64));
        var counted = g.Op("Add", [g.Op("CumSum", [notPad, g.Scalar(1)]), pastLength]);
        var ids2 = g.Op("Add", [g.Op("Mul", [counted, notPad]), g.Scalar(config.PadTokenId)]);
        return g.Op("Gather", [m2mTable, ids2]);
    }

    /// <summary>MarianSinusoidalPositionalEmbedding: sines in the first half, cosines in the second, computed in float64.</summary>
    public static float[] MarianSinusoids(int positions, int dim)
    {
        var table = new float[positions * dim];
        int sines = (dim + 1) / 2;
        for (int pos = 0; pos < positions; pos++)
        {
            for (int j = 0; j < dim; j++)
            {
                double angle = pos / Math.Pow(10000, 2 * (j / 2) / (double)dim);
                int column = j % 2 == 0 ? j / 2 : sines + j / 2;
                table[pos * dim + column] = (float)(j % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        }
        return table;
    }

    /// <summary>M2M100SinusoidalPositionalEmbedding.get_embedding, in float32 as PyTorch computes it; the pad row is zero.</summary>
    public static float[] M2M100Sinusoids(int positions, int dim, int padId)
    {
        var table = new float[positions * dim];
        int half = dim / 2;
        float step = (float)(Math.Log(10000) / (half - 1));
        for (int pos = 0; pos < positions; pos++)
        {
            if (pos == padId)
            {
                continue;
            }
            for (int k = 0; k < half; k++)
            {
                float angle = pos * MathF.Exp(k * -step);
                table[pos * dim + k] = MathF.Sin(angle);
                table[pos * dim + half + k] = MathF.Cos(angle);
            }
        }
        return table;
    }
}
