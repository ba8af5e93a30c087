using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Tarjama.Conversion.Onnx;
using Tarjama.Decoding;
using Tarjama.Engine;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>The split export's first step without its first-step graph: the cross-attention keys and values cut out
/// of <c>decoder_model.onnx</c> are that graph's own, bit for bit, with none of its other weights; a graph they
/// cannot be cut out of runs whole, with the same translations.</summary>
public class CrossAttentionCacheTests
{
    private static readonly EngineOptions Options = new() { Threads = 1 };

    [Theory]
    [InlineData("tiny-ar-en")]
    [InlineData("tiny-nllb")]
    [InlineData("tiny-m2m100")]
    public void The_cut_out_graph_gives_the_first_steps_keys_and_values_bit_for_bit(string model)
    {
        string first = Fixtures.Path("models", model, "onnx", "decoder_model.onnx");
        var config = ModelFolder.Open(Fixtures.Path("models", model)).Config;
        var names = OnnxDecoder.CrossPresent(config.DecoderLayers);
        var whole = ModelProto.Parser.ParseFrom(File.ReadAllBytes(first));
        int heads = config.DecoderAttentionHeads, headSize = config.DModel / heads;
        var extracted = CrossAttentionCache.Extract(whole, names, heads, headSize)!;
        Assert.Equal(["encoder_hidden_states"], extracted.Graph.Input.Select(i => i.Name));
        // Two d_model² projections (and biases) a layer, against the embedding, self-attention and feed-forward weights.
        long Bytes(GraphProto graph) => graph.Initializer.Sum(i => (long)i.RawData.Length);
        Assert.InRange(Bytes(extracted.Graph), 1, Bytes(whole.Graph) / 3);

        var statistics = new EngineStatistics();
        using var cache = CrossAttentionCache.Open(first, names, heads, headSize, Options, statistics)!;
        using var session = OnnxSessionLoader.Open(first, Options, statistics);
        const int Rows = 2, Length = 5;
        var random = new Random(3);
        var hiddenValues = Enumerable.Range(0, Rows * Length * config.DModel).Select(_ => (float)random.NextDouble() * 4 - 2).ToArray();
        var hidden = OrtValue.CreateTensorValueFromMemory(hiddenValues, [Rows, Length, config.DModel]);
        var mask = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat(1L, Rows * Length).ToArray(), [Rows, Length]);
        using var encoder = new EncoderState(mask, hidden, Rows);
        using var start = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat((long)config.DecoderStartTokenId!.Value, Rows).ToArray(), [Rows, 1]);
        using var expected = session.Run(["encoder_attention_mask", "input_ids", "encoder_hidden_states"], [mask, start, hidden], names);
        var actual = cache.Compute(encoder, start);
        try
        {
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Equal(expected[i].GetTensorDataAsSpan<float>().ToArray(), actual[i].GetTensorDataAsSpan<float>().ToArray());
            }
        }
        finally
        {
            foreach (var value in actual)
            {
                value.Dispose();
            }
        }
    }

    [Fact]
    public void Rows_encoded_in_groups_get_the_keys_and_values_of_the_padded_batch_over_their_tokens()
    {
        string folder = Fixtures.Path("models", "tiny-ar-en");
        var config = ModelFolder.Open(folder).Config;
        var names = OnnxDecoder.CrossPresent(config.DecoderLayers);
        int heads = config.DecoderAttentionHeads, headSize = config.DModel / heads;
        var statistics = new EngineStatistics();
        using var cache = CrossAttentionCache.Open(Path.Combine(folder, "onnx", "decoder_model.onnx"), names, heads, headSize, Options, statistics)!;
        using var encoder = new OnnxEncoder(OnnxSessionLoader.Open(Path.Combine(folder, "onnx", "encoder_model.onnx"), Options, statistics), padId: config.PadTokenId!.Value);
        var random = new Random(5);
        int[] Sentence(int length) => [.. Enumerable.Range(0, length - 1).Select(_ => random.Next(5, 1900)), 0];
        int[][] rows = [Sentence(6), Sentence(40), Sentence(3), Sentence(38), Sentence(12)];
        using var grouped = encoder.Encode(rows);
        Assert.True(grouped.Groups.Count > 1);
        // The same padded hidden states, taken as one batch.
        var mask = TensorRows.Gather(grouped.Mask, [0, 1, 2, 3, 4]);
        var hidden = TensorRows.Gather(grouped.Hidden, [0, 1, 2, 3, 4]);
        using var padded = new EncoderState(mask, hidden, rows.Length);
        using var start = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat((long)config.DecoderStartTokenId!.Value, rows.Length).ToArray(), [rows.Length, 1]);
        var expected = cache.Compute(padded, start);
        var actual = cache.Compute(grouped, start);
        try
        {
            int length = rows.Max(r => r.Length);
            for (int i = 0; i < names.Length; i++)
            {
                var want = expected[i].GetTensorDataAsSpan<float>().ToArray();
                var got = actual[i].GetTensorDataAsSpan<float>().ToArray();
                Assert.Equal(want.Length, got.Length);
                for (int r = 0; r < rows.Length; r++)
                {
                    for (int h = 0; h < heads; h++)
                    {
                        int at = (r * heads + h) * length * headSize, tokens = rows[r].Length * headSize;
                        Assert.Equal(want.AsSpan(at, tokens).ToArray(), got.AsSpan(at, tokens).ToArray());
                    }
                }
            }
        }
        finally
        {
            foreach (var value in expected.Concat(actual))
            {
                value.Dispose();
            }
        }
    }

    [Fact]
    public void A_first_step_graph_whose_keys_come_through_a_subgraph_runs_whole_with_the_same_translations()
    {
        var golden = GoldenRecord.Read(Fixtures.Path("golden", "transformersjs.tiny-ar-en.marian-ids.greedy.bs8.jsonl"));
        using var copy = new ModelCopy(Fixtures.Path("models", "tiny-ar-en"));
        string first = copy.File("onnx/decoder_model.onnx");
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(first));
        ThroughASubgraph(model.Graph, "present.0.encoder.key");
        File.WriteAllBytes(first, model.ToByteArray());
        var config = ModelFolder.Open(copy.Path).Config;
        Assert.Null(CrossAttentionCache.Extract(model, OnnxDecoder.CrossPresent(config.DecoderLayers), config.DecoderAttentionHeads, config.DModel / config.DecoderAttentionHeads));

        using var translator = Translator.Load(copy.Path, new TranslatorOptions
        {
            BatchSize = 8,
            DecoderForm = DecoderForm.Split,
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = 64 },
        });
        var results = translator.TranslateDetailed(golden.Select(r => r.Input!).ToList());
        Assert.Equal(golden.Select(r => r.OutputIds), results.Select(r => r.TokenIds));
    }

    /// <summary>Makes <paramref name="output"/> come out of an <c>If</c> whose branches both pass it through: the same
    /// values from a graph the cut does not take apart.</summary>
    private static void ThroughASubgraph(GraphProto graph, string output)
    {
        var producer = graph.Node.Single(n => n.Output.Contains(output));
        string before = output + "_before";
        producer.Output[producer.Output.IndexOf(output)] = before;
        var condition = new NodeProto { OpType = "Constant", Output = { "always" } };
        var yes = new TensorProto { DataType = (int)TensorProto.Types.DataType.Bool, RawData = ByteString.CopyFrom(1) };
        condition.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = yes });
        var choice = new NodeProto { OpType = "If", Input = { "always" }, Output = { output } };
        foreach (string branch in new[] { "then_branch", "else_branch" })
        {
            var body = new GraphProto { Name = branch, Node = { new NodeProto { OpType = "Identity", Input = { before }, Output = { branch + "_out" } } } };
            body.Output.Add(new ValueInfoProto
            {
                Name = branch + "_out",
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
            choice.Attribute.Add(new AttributeProto { Name = branch, Type = AttributeProto.Types.AttributeType.Graph, G = body });
        }
        graph.Node.Add(condition);
        graph.Node.Add(choice);
    }
}
