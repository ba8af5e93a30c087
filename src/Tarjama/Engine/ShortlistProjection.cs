using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion;
using Tarjama.Conversion.Onnx;
using Tarjama.Decoding;

namespace Tarjama.Engine;

/// <summary>
/// Greedy search's output projection: the same best token as every logit computed in fp32, for a fraction of the
/// work. Each step computes all logits in int8 (ONNX Runtime's <c>MatMulInteger</c>, a quarter of the bytes of W;
/// each row's activations with a scale of their own), with a bound on how far each can be from its fp32 value; only
/// the tokens whose upper bound reaches the best lower bound can be the argmax, and those few are computed exactly
/// from W. Logits processors that keep each score's order (penalties, banned tokens) are applied to both bounds, so
/// they narrow the list the same way.
/// </summary>
internal sealed class ShortlistProjection : IDisposable
{
    private const string Quantized = "quantized_weight";
    private const string Activations = "activations";
    private const string Zero = "activation_zero";
    private const byte ActivationZero = 128;

    // Weights in Int8Products' 7 bits, so no CPU saturates the products; the wider bound costs a longer shortlist
    // (opus-mt's shape, 50 news lines: 974 tokens a step whose bound reaches the best instead of 446 with 8 bits).

    // fp32 rounding of a d-term dot product, as the reference's MatMul makes it (a generous bound: d · 2^-23).
    private const float RoundingPerTerm = 1f / (1 << 23);

    private readonly OnnxSession _session;
    private readonly int _dim;
    private readonly int _vocab;
    private readonly float[] _rows;
    private readonly float[] _scales;
    private readonly float[] _spread;
    private readonly float[] _bias;
    private readonly EngineStatistics _statistics;

    private ShortlistProjection(OnnxSession session, int dim, int vocab, float[] rows, float[] scales, float[] spread, float[] bias, EngineStatistics statistics)
    {
        (_session, _dim, _vocab, _rows, _scales, _spread, _bias, _statistics) = (session, dim, vocab, rows, scales, spread, bias, statistics);
    }

    /// <summary>Reads W once: its rows per token in fp32 (for the exact scores) and its int8 copy with a scale per
    /// token (for the screening session).</summary>
    public static ShortlistProjection Build(DecoderHead head, float[] bias, string modelFolder, EngineOptions options, EngineStatistics statistics)
    {
        int dim = head.ModelDim, vocab = head.VocabSize;
        var rows = head.Transposed ? Embedding(head.Weight, modelFolder, dim, vocab) : Transposed(head.Weight, modelFolder, dim, vocab);
        var scales = new float[vocab];
        var spread = new float[vocab];
        var quantized = new byte[(long)dim * vocab];
        // Per block of 64 tokens: each weight row k gets 64 consecutive bytes, while the 64 token rows stay in cache.
        Parallel.For(0, (vocab + 63) / 64, block =>
        {
            int from = block * 64, to = Math.Min(vocab, from + 64);
            var sums = new float[to - from];
            for (int v = from; v < to; v++)
            {
                scales[v] = Int8Products.Scale(MathF.Abs(TensorPrimitives.MaxMagnitude(rows.AsSpan(v * dim, dim))));
            }
            for (int k = 0; k < dim; k++)
            {
                for (int v = from; v < to; v++)
                {
                    int q = Int8Products.Quantize(rows[v * dim + k], scales[v]);
                    quantized[(long)k * vocab + v] = (byte)(sbyte)q;
                    sums[v - from] += Math.Abs(q);
                }
            }
            for (int v = from; v < to; v++)
            {
                spread[v] = scales[v] * sums[v - from];
            }
        });
        var session = OnnxSessionLoader.Open(ScreenModel(dim, vocab, quantized), "int8 output projection", modelFolder, options, statistics);
        return new ShortlistProjection(session, dim, vocab, rows, scales, spread, bias, statistics);
    }

    /// <summary>A tied embedding <c>[vocab, d]</c> is already one row of d weights per token.</summary>
    private static float[] Embedding(TensorProto weight, string modelFolder, int dim, int vocab)
    {
        var rows = new float[(long)dim * vocab];
        using var stream = InitializerStream.Open(weight, modelFolder);
        stream.ReadExactly(MemoryMarshal.AsBytes(rows.AsSpan()));
        return rows;
    }

    /// <summary>W <c>[d, vocab]</c> as one row of d weights per token, read 16 weight rows at a time.</summary>
    private static float[] Transposed(TensorProto weight, string modelFolder, int dim, int vocab)
    {
        var rows = new float[(long)dim * vocab];
        const int Block = 16;
        var buffer = new float[Block * vocab];
        using var stream = InitializerStream.Open(weight, modelFolder);
        for (int k0 = 0; k0 < dim; k0 += Block)
        {
            int count = Math.Min(Block, dim - k0);
            stream.ReadExactly(MemoryMarshal.AsBytes(buffer.AsSpan(0, count * vocab)));
            Parallel.For(0, (vocab + 4095) / 4096, chunk =>
            {
                int end = Math.Min(vocab, (chunk + 1) * 4096);
                for (int v = chunk * 4096; v < end; v++)
                {
                    for (int j = 0; j < count; j++)
                    {
                        rows[(long)v * dim + k0 + j] = buffer[j * vocab + v];
                    }
                }
            });
        }
        return rows;
    }

    /// <summary>Activations (uint8 around 128) → MatMulInteger with the int8 weights → int32 sums. The activations
    /// are quantized here, not by <c>DynamicQuantizeLinear</c>, which takes one scale for the whole batch: one row
    /// with large activations would then widen every row's bound.</summary>
    private static byte[] ScreenModel(int dim, int vocab, byte[] quantized)
    {
        var graph = new OnnxGraph("shortlist", new ModelWeights());
        var activations = graph.Input(Activations, TensorProto.Types.DataType.Uint8, "batch_size", "decoder_sequence_length", dim);
        var sums = graph.Op("MatMulInteger", [activations, Quantized, Zero]);
        graph.Output(sums, "sums", TensorProto.Types.DataType.Int32, "batch_size", "decoder_sequence_length", vocab);
        var proto = graph.ToProto();
        proto.Initializer.Add(new TensorProto { Name = Zero, DataType = (int)TensorProto.Types.DataType.Uint8, RawData = ByteString.CopyFrom(ActivationZero) });
        var weights = new TensorProto { Name = Quantized, DataType = (int)TensorProto.Types.DataType.Int8, RawData = UnsafeByteOperations.UnsafeWrap(quantized) };
        weights.Dims.Add([dim, vocab]);
        proto.Initializer.Add(weights);
        return OnnxGraph.Model(proto).ToByteArray();
    }

    /// <summary>Runs the int8 projection on every row of one step's hidden states <c>[rows, 1, d]</c>.</summary>
    public Screened Screen(OrtValue hidden)
    {
        var values = hidden.GetTensorDataAsSpan<float>();
        int rows = values.Length / _dim;
        var scales = new float[rows];
        var activations = new byte[values.Length];
        for (int r = 0; r < rows; r++)
        {
            // Symmetric, a scale per row: |q| <= 127, and each activation is off by at most half the scale.
            var row = values.Slice(r * _dim, _dim);
            float scale = MathF.Abs(TensorPrimitives.MaxMagnitude(row)) / 127;
            scales[r] = scale;
            for (int k = 0; k < _dim; k++)
            {
                activations[r * _dim + k] = (byte)(ActivationZero + (scale == 0 ? 0 : (int)MathF.Round(row[k] / scale)));
            }
        }
        using var input = OrtValue.CreateTensorValueFromMemory(activations, [rows, 1, _dim]);
        return new Screened(_session.Run([Activations], [input], ["sums"]), scales);
    }

    /// <summary>The best token of <paramref name="row"/> after <paramref name="processors"/>, which must keep each
    /// score's order. No score: its normalizer would take an exponential of every estimate (the largest piece of a
    /// step outside ONNX Runtime on a 256k vocabulary), and what reports scores computes every logit instead.</summary>
    public int Best(Screened screened, int row, ReadOnlySpan<float> hidden, LogitsProcessorList processors, ReadOnlySpan<int> sequence)
    {
        var bounds = new RowBounds(this, screened.Sums(row, _vocab), screened.Scales[row], hidden);
        bool plain = processors.Processors.Count == 0;
        float[] upper = ArrayPool<float>.Shared.Rent(_vocab);
        float[]? lower = plain ? null : ArrayPool<float>.Shared.Rent(_vocab);
        int[] shortlist = ArrayPool<int>.Shared.Rent(_vocab);
        float[] uppers = ArrayPool<float>.Shared.Rent(_vocab);
        try
        {
            Span<float> u = upper.AsSpan(0, _vocab), l = lower.AsSpan(0, plain ? 0 : _vocab);
            float highestLower = bounds.Fill(u, l);
            if (!plain)
            {
                processors.Process(sequence, u);
                processors.Process(sequence, l);
                highestLower = TensorPrimitives.Max(l);
            }
            // No token whose upper bound is below the best lower bound can be the best.
            int count = AtLeast(u, highestLower, shortlist, uppers);
            // First the few tokens with the highest upper bounds; then, computed together, every other one whose upper
            // bound reaches the best of those: any token left below it is below the best (most steps compute a few).
            int first = MoveHighestFirst(shortlist, uppers, count, FirstRound);
            var exact = new ExactScores(this, hidden, processors, sequence, l);
            var (best, bestScore) = exact.Best(shortlist.AsSpan(0, first), (shortlist[0], float.NegativeInfinity));
            int computed = first;
            for (int i = first; i < count; i++)
            {
                if (uppers[i] >= bestScore)
                {
                    shortlist[computed++] = shortlist[i];
                }
            }
            best = exact.Best(shortlist.AsSpan(first, computed - first), (best, bestScore)).Token;
            _statistics.CountShortlist(computed);
            return best;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(upper);
            ArrayPool<int>.Shared.Return(shortlist);
            ArrayPool<float>.Shared.Return(uppers);
            if (lower is not null)
            {
                ArrayPool<float>.Shared.Return(lower);
            }
        }
    }

    private const int FirstRound = 8;

    /// <summary>Moves the <paramref name="k"/> tokens with the highest upper bounds (of the first <paramref name="count"/>)
    /// to the front, in no particular order; returns how many moved.</summary>
    private static int MoveHighestFirst(int[] tokens, float[] uppers, int count, int k)
    {
        int moved = Math.Min(k, count);
        for (int j = 0; j < moved; j++)
        {
            int highest = j + TensorPrimitives.IndexOfMax(uppers.AsSpan(j, count - j));
            (tokens[j], tokens[highest]) = (tokens[highest], tokens[j]);
            (uppers[j], uppers[highest]) = (uppers[highest], uppers[j]);
        }
        return moved;
    }

    /// <summary>Exact scores of shortlisted tokens, after the processors. Each processed score depends only on its own
    /// score (<see cref="ILogitsProcessor.KeepsOrder"/>), so the exact scores are written into the lower bounds' row,
    /// whose other entries are left as they are and never read, and the row is processed once per round.</summary>
    private readonly ref struct ExactScores(ShortlistProjection projection, ReadOnlySpan<float> hidden, LogitsProcessorList processors, ReadOnlySpan<int> sequence, Span<float> row)
    {
        private readonly ReadOnlySpan<float> _hidden = hidden;
        private readonly ReadOnlySpan<int> _sequence = sequence;
        private readonly Span<float> _row = row;

        /// <summary>The best of <paramref name="tokens"/> and <paramref name="best"/>.</summary>
        public (int Token, float Score) Best(ReadOnlySpan<int> tokens, (int Token, float Score) best)
        {
            bool plain = _row.IsEmpty;
            foreach (int v in tokens)
            {
                float exact = TensorPrimitives.Dot(_hidden, projection._rows.AsSpan(v * projection._dim, projection._dim)) + projection._bias[v];
                if (plain)
                {
                    best = Better(v, exact, best.Token, best.Score);
                }
                else
                {
                    _row[v] = exact;
                }
            }
            if (!plain && !tokens.IsEmpty)
            {
                processors.Process(_sequence, _row);
                foreach (int v in tokens)
                {
                    best = Better(v, _row[v], best.Token, best.Score);
                }
            }
            return best;
        }
    }

    /// <summary>Equal scores go to the lower token id, as an argmax over every logit does.</summary>
    private static (int Token, float Score) Better(int token, float score, int best, float bestScore) =>
        score > bestScore || (score == bestScore && token < best) ? (token, score) : (best, bestScore);

    /// <summary>The tokens whose upper bound is at least <paramref name="threshold"/>, in token order, with their upper
    /// bounds; returns how many.</summary>
    private static int AtLeast(ReadOnlySpan<float> upper, float threshold, int[] tokens, float[] uppers)
    {
        int count = 0, v = 0;
        var limit = new Vector<float>(threshold);
        for (; v + Vector<float>.Count <= upper.Length; v += Vector<float>.Count)
        {
            if (Vector.GreaterThanOrEqualAny(new Vector<float>(upper[v..]), limit))
            {
                for (int i = v; i < v + Vector<float>.Count; i++)
                {
                    (tokens[count], uppers[count]) = (i, upper[i]);
                    count += upper[i] >= threshold ? 1 : 0;
                }
            }
        }
        for (; v < upper.Length; v++)
        {
            (tokens[count], uppers[count]) = (v, upper[v]);
            count += upper[v] >= threshold ? 1 : 0;
        }
        return count;
    }

    /// <summary>One row's int8 estimates and a bound on each one's distance to the fp32 logit: the activation
    /// rounding (at most half its scale per element) times the token's weights, the weight rounding (half the token's
    /// scale) times the activations, and the fp32 rounding of the reference's own sum.</summary>
    private readonly ref struct RowBounds
    {
        private readonly ShortlistProjection _projection;
        private readonly ReadOnlySpan<int> _sums;
        private readonly float _scale, _activationError, _perWeightScale;

        public RowBounds(ShortlistProjection projection, ReadOnlySpan<int> sums, float scale, ReadOnlySpan<float> hidden)
        {
            (_projection, _scale) = (projection, scale);
            _sums = sums;
            _activationError = 0.5001f * scale;
            float magnitude = TensorPrimitives.SumOfMagnitudes(hidden);
            _perWeightScale = 0.5001f * (magnitude + projection._dim * _activationError) + Int8Products.WeightLevels * magnitude * projection._dim * RoundingPerTerm;
        }

        /// <summary>Writes each token's upper bound, and its lower bound where that span is not empty (one pass over
        /// the vocabulary); returns the highest lower bound.</summary>
        public float Fill(Span<float> upper, Span<float> lower)
        {
            var (tokenScales, spread, bias) = (_projection._scales, _projection._spread, _projection._bias);
            bool keep = !lower.IsEmpty;
            var (scaleV, activationV, perScaleV, relativeV, oneV) = (new Vector<float>(_scale), new Vector<float>(_activationError), new Vector<float>(_perWeightScale), new Vector<float>(1e-6f), Vector<float>.One);
            var highest = new Vector<float>(float.NegativeInfinity);
            int v = 0;
            for (; v + Vector<float>.Count <= upper.Length; v += Vector<float>.Count)
            {
                var tokenScale = new Vector<float>(tokenScales, v);
                var value = scaleV * tokenScale * Vector.ConvertToSingle(new Vector<int>(_sums[v..])) + new Vector<float>(bias, v);
                var bound = activationV * new Vector<float>(spread, v) + perScaleV * tokenScale + relativeV * (Vector.Abs(value) + oneV);
                (value + bound).CopyTo(upper[v..]);
                highest = Vector.Max(highest, value - bound);
                if (keep)
                {
                    (value - bound).CopyTo(lower[v..]);
                }
            }
            float result = float.NegativeInfinity;
            for (int i = 0; i < Vector<float>.Count; i++)
            {
                result = MathF.Max(result, highest[i]);
            }
            for (; v < upper.Length; v++)
            {
                float value = _scale * tokenScales[v] * _sums[v] + bias[v];
                float bound = _activationError * spread[v] + _perWeightScale * tokenScales[v] + 1e-6f * (MathF.Abs(value) + 1);
                upper[v] = value + bound;
                result = MathF.Max(result, value - bound);
                if (keep)
                {
                    lower[v] = value - bound;
                }
            }
            return result;
        }
    }

    public void Dispose() => _session.Dispose();

    /// <summary>One step's int8 sums for every row; owned by the decoder batch until the next step.</summary>
    public sealed class Screened(IDisposableReadOnlyCollection<OrtValue> outputs, float[] scales) : IDisposable
    {
        /// <summary>Each row's activation scale.</summary>
        public float[] Scales { get; } = scales;

        public ReadOnlySpan<int> Sums(int row, int vocab) => outputs[0].GetTensorDataAsSpan<int>().Slice(row * vocab, vocab);

        public void Dispose() => outputs.Dispose();
    }
}
