using System.Runtime.InteropServices;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion.Onnx;
using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>Greedy search's int8-screened output projection: the token it picks is the fp32 argmax (also under
/// penalties, bans and a forced end, and for near ties closer than int8 can tell apart), it really computes only a
/// shortlist exactly, and on the fixture models it gives transformers.js's ids with the projection cut off the
/// split and the merged decoders alike.</summary>
public class OutputShortlistTests
{
    private const int Dim = 48;
    private const int Vocab = 3000;

    public static TheoryData<string, string, int, DecoderForm> Goldens() => new()
    {
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.greedy.bs8.jsonl", 8, DecoderForm.Split },
        { "tiny-ar-en", "transformersjs.tiny-ar-en.marian-ids.greedy.bs1.jsonl", 1, DecoderForm.Merged },
        { "tiny-en-ar", "transformersjs.tiny-en-ar.marian-ids.greedy.bs8.jsonl", 8, DecoderForm.Merged },
    };

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Greedy_on_the_shortlist_gives_transformers_js_ids_and_every_logit_gives_the_same_with_scores(string model, string golden, int batchSize, DecoderForm form)
    {
        var expected = GoldenRecord.Read(Fixtures.Path("golden", golden));
        var scores = new List<double?[]>();
        foreach (bool fullLogits in new[] { false, true })
        {
            using var translator = Translator.Load(Fixtures.Path("models", model), new TranslatorOptions
            {
                BatchSize = batchSize,
                DecoderForm = form,
                Engine = new EngineOptions { FullLogits = fullLogits },
                Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 64 },
            });
            var results = translator.TranslateDetailed(expected.Select(r => r.Input!).ToList());
            Assert.Equal(expected.Select(r => r.OutputIds), results.Select(r => r.TokenIds));
            scores.Add([.. results.Select(r => r.Score)]);
            var (steps, tokens) = translator.Statistics.Shortlists;
            if (fullLogits)
            {
                Assert.Equal(0, steps);
            }
            else
            {
                Assert.True(steps > expected.Count, $"{steps} shortlisted steps");
                int vocab = ModelFolder.Open(Fixtures.Path("models", model)).Config.VocabSize;
                Assert.True(tokens < steps * (long)vocab, "every token was computed exactly");
            }
        }
        // The shortlist gives no sequence score (it never normalizes over every logit); every logit gives one (its
        // value against Hugging Face's is ReferenceParityTests').
        Assert.All(scores[0], score => Assert.Null(score));
        Assert.All(scores[1], score => Assert.True(score is double value && double.IsFinite(value) && value <= 0, $"score {score}"));
    }

    [Fact]
    public void Greedy_without_a_shortlist_gives_scores_only_when_every_logit_is_asked_for()
    {
        // The fp16 files' projection ends in a Cast, so it stays in the graph and greedy reads every logit anyway.
        var inputs = File.ReadLines(Fixtures.Path("reference-golden", "inputs_ar_50.txt")).Take(6).ToList();
        var runs = new[] { false, true }.Select(fullLogits =>
        {
            using var translator = Translator.Load(Fixtures.Path("models", "tiny-ar-en"), new TranslatorOptions
            {
                DType = ModelDtype.Fp16,
                Engine = new EngineOptions { FullLogits = fullLogits },
                Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 16 },
            });
            var results = translator.TranslateDetailed(inputs);
            Assert.Equal(0, translator.Statistics.Shortlists.Steps);
            return results;
        }).ToList();
        Assert.Equal(runs[1].Select(r => r.TokenIds), runs[0].Select(r => r.TokenIds));
        Assert.All(runs[0], result => Assert.Null(result.Score));
        Assert.All(runs[1], result => Assert.True(result.Score is double value && double.IsFinite(value) && value <= 0, $"score {result.Score}"));
    }

    [Fact]
    public void Beam_search_reads_every_logit_from_the_cut_off_projection_and_equals_Hugging_Face()
    {
        var golden = MultilingualGolden.Read(Fixtures.Path("golden", "hf.tiny-nllb.beam4.bs8.jsonl"));
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"), new TranslatorOptions { BatchSize = 8, DecoderForm = DecoderForm.Merged });
        var generation = new GenerationOverrides { NumBeams = 4, MaxNewTokens = 32, EarlyStopping = EarlyStopping.Heuristic };
        var results = translator.TranslateDetailed(golden.Select(g => new TranslationItem(g.Input, new TranslationOptions { SourceLanguage = g.SourceLanguage, TargetLanguage = g.TargetLanguage, Generation = generation })).ToList());
        Assert.Equal(golden.Select(g => g.Hypotheses[0].OutputIds), results.Select(r => r.TokenIds));
        Assert.Equal(0, translator.Statistics.Shortlists.Steps);
    }

    public static TheoryData<string> Processors() => ["none", "repetition", "banned best", "no repeat", "forced end"];

    [Theory]
    [MemberData(nameof(Processors))]
    public void The_shortlisted_token_is_the_fp32_argmax(string processorsCase)
    {
        var random = new Random(7);
        var (weights, bias) = Weights(random);
        var statistics = new EngineStatistics();
        using var shortlist = ShortlistProjection.Build(Head(weights), bias, Path.GetTempPath(), new EngineOptions { Threads = 1 }, statistics);
        const int Rows = 64;
        var hidden = Hidden(random, Rows, weights);
        using var value = OrtValue.CreateTensorValueFromMemory(hidden, [Rows, 1, Dim]);
        using var screened = shortlist.Screen(value);
        int ambiguous = 0;
        var plain = (Steps: 0L, Tokens: 0L);
        for (int row = 0; row < Rows; row++)
        {
            if (row == Rows / 2)
            {
                plain = statistics.Shortlists;
            }
            var h = hidden.AsSpan(row * Dim, Dim);
            var exact = ExactLogits(h, weights, bias);
            int[] sequence = [0, .. Enumerable.Range(0, 6).Select(_ => random.Next(Vocab))];
            var processors = Case(processorsCase, Array.IndexOf(exact, exact.Max()), sequence);
            var reference = exact.Select(x => (float)x).ToArray();
            processors.Process(sequence, reference);
            int expected = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(reference);
            var runnerUp = reference.Where((_, v) => v != expected).Max();
            // Ties closer than fp32 can order are the reference's own rounding: not a question the test can ask.
            if (reference[expected] - runnerUp < 1e-5f * (1 + MathF.Abs(reference[expected])))
            {
                ambiguous++;
                continue;
            }
            Assert.Equal(expected, shortlist.Best(screened, row, h, processors, sequence));
        }
        Assert.True(ambiguous < Rows / 8, $"{ambiguous} rows too close to call");
        // On plain rows the shortlist is short; the second half's outliers widen the int8 bound, not the answer.
        Assert.True(plain.Tokens < plain.Steps * Vocab / 20, $"{plain.Tokens / (double)plain.Steps:F0} of {Vocab} tokens computed exactly per step");
    }

    /// <summary>The best token's weights are small, so its bound is narrow; twenty tokens score just below it with large
    /// weights of both signs, whose wide bounds put their upper bounds above its. The shortlist's first round takes
    /// the highest upper bounds, all of them decoys: the best must still come from the second.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_best_token_behind_wider_bounds_is_found(bool processed)
    {
        const int Best = 1, Decoys = 20;
        var weights = new float[Dim * Vocab];
        for (int k = 0; k < Dim; k++)
        {
            weights[k * Vocab + Best] = 0.1f; // logit 4.8
            for (int v = 10; v < 10 + Decoys; v++)
            {
                weights[k * Vocab + v] = k % 2 == 0 ? 2.0998f : -1.9002f; // logit 4.7904
            }
        }
        var statistics = new EngineStatistics();
        using var shortlist = ShortlistProjection.Build(Head(weights), new float[Vocab], Path.GetTempPath(), new EngineOptions { Threads = 1 }, statistics);
        var hidden = Enumerable.Repeat(1f, Dim).ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(hidden, [1, 1, Dim]);
        using var screened = shortlist.Screen(value);
        // A ban on a token out of the race sends the row down the processed path without changing the answer.
        var processors = new LogitsProcessorList(processed ? [new BadWords([[Vocab - 1]], [2])] : []);
        Assert.Equal(Best, shortlist.Best(screened, 0, hidden, processors, [0]));
        Assert.True(statistics.Shortlists.Tokens > 8, "the decoys' bounds did not reach above the best's");
    }

    /// <summary>The pattern that saturates x86's u8 × s8 kernel without VNNI: activations at full scale against a
    /// token whose weights are all at full scale with the same sign. Its logit must still be screened right (on a
    /// VNNI machine this passes whatever the weight range; it guards the others).</summary>
    [Fact]
    public void Full_scale_activations_against_full_scale_weights_are_screened_without_saturation()
    {
        var weights = new float[Dim * Vocab];
        for (int k = 0; k < Dim; k++)
        {
            // Token 1: every weight 1, logit Dim. Token 2: pairs of 1 and -0.1, which never saturate, logit 0.45 Dim.
            weights[k * Vocab + 1] = 1;
            weights[k * Vocab + 2] = k % 2 == 0 ? 1 : -0.1f;
        }
        using var shortlist = ShortlistProjection.Build(Head(weights), new float[Vocab], Path.GetTempPath(), new EngineOptions { Threads = 1 }, new EngineStatistics());
        var hidden = Enumerable.Repeat(1f, Dim).ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(hidden, [1, 1, Dim]);
        using var screened = shortlist.Screen(value);
        Assert.Equal(1, shortlist.Best(screened, 0, hidden, new LogitsProcessorList([]), [0]));
    }

    private static LogitsProcessorList Case(string name, int best, int[] sequence)
    {
        if (name is "repetition" or "no repeat")
        {
            // The best token was generated already: the penalty may push it below others, the n-gram rule bans it.
            sequence[^1] = best;
        }
        return new LogitsProcessorList(name switch
        {
            "none" => [],
            "repetition" => [new RepetitionPenalty(1.8f)],
            "banned best" => [new BadWords([[best]], [2])],
            "no repeat" => [new NoRepeatNgram(1)],
            "forced end" => [new ForcedEos(sequence.Length + 1, 2)],
            _ => throw new ArgumentException(name),
        });
    }

    /// <summary>Token rows of varied scales, with pairs of near-duplicate rows whose logits differ by less than int8
    /// can resolve.</summary>
    private static (float[] Weights, float[] Bias) Weights(Random random)
    {
        var rows = new float[Vocab * Dim];
        for (int v = 0; v < Vocab; v++)
        {
            float scale = 0.02f + 0.2f * (float)random.NextDouble();
            for (int k = 0; k < Dim; k++)
            {
                rows[v * Dim + k] = scale * (float)Gaussian(random);
            }
        }
        for (int pair = 0; pair < 200; pair++)
        {
            int from = random.Next(Vocab), to = random.Next(Vocab);
            rows.AsSpan(from * Dim, Dim).CopyTo(rows.AsSpan(to * Dim, Dim));
            rows[to * Dim + random.Next(Dim)] += 1e-3f;
        }
        var bias = Enumerable.Range(0, Vocab).Select(_ => 0.1f * (float)Gaussian(random)).ToArray();
        // W as the graph stores it: [d, vocab].
        var weights = new float[Dim * Vocab];
        for (int v = 0; v < Vocab; v++)
        {
            for (int k = 0; k < Dim; k++)
            {
                weights[k * Vocab + v] = rows[v * Dim + k];
            }
        }
        return (weights, bias);
    }

    /// <summary>Hidden states of varied sizes; in the second half some with an outlier that widens the activation
    /// scale, some pointing at a token (which may have a near duplicate, so two logits nearly tie).</summary>
    private static float[] Hidden(Random random, int rows, float[] weights)
    {
        var hidden = new float[rows * Dim];
        for (int r = 0; r < rows; r++)
        {
            float size = (float)Math.Exp(random.NextDouble() * 3 - 1);
            for (int k = 0; k < Dim; k++)
            {
                hidden[r * Dim + k] = size * (float)Gaussian(random);
            }
            if (r < rows / 2)
            {
                continue;
            }
            if (r % 4 == 0)
            {
                hidden[r * Dim + random.Next(Dim)] *= 20;
            }
            if (r % 3 == 0)
            {
                int token = random.Next(Vocab);
                for (int k = 0; k < Dim; k++)
                {
                    hidden[r * Dim + k] += 30 * weights[k * Vocab + token];
                }
            }
        }
        return hidden;
    }

    private static double[] ExactLogits(ReadOnlySpan<float> hidden, float[] weights, float[] bias)
    {
        var logits = new double[Vocab];
        for (int v = 0; v < Vocab; v++)
        {
            double sum = bias[v];
            for (int k = 0; k < Dim; k++)
            {
                sum += (double)hidden[k] * weights[k * Vocab + v];
            }
            logits[v] = sum;
        }
        return logits;
    }

    private static DecoderHead Head(float[] weights)
    {
        var tensor = new TensorProto { Name = "lm_head", DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(weights.AsSpan())) };
        tensor.Dims.Add([Dim, Vocab]);
        return new DecoderHead(tensor, Transposed: false, Bias: null);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
