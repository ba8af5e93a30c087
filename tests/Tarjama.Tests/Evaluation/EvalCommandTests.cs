using System.CommandLine;
using System.Text.Json;
using Tarjama.Cli;

namespace Tarjama.Tests.Evaluation;

/// <summary>Runs <c>tarjama eval</c> in-process on the sacreBLEU README example in tests/fixtures/evaluation.</summary>
public class EvalCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "evaluation", name);

    private static readonly string[] ScoreArgs = ["--hyp", Fixture("hyp.txt"), "--ref", Fixture("ref1.txt"), "--ref", Fixture("ref2.txt")];

    private static (int ExitCode, string Output) Run(string[] args, Func<string, ISegmentTranslator>? loadEngine = null)
    {
        var output = new StringWriter();
        int exitCode = EvalCommand.Create(loadEngine).Parse(args).Invoke(new InvocationConfiguration { Output = output });
        return (exitCode, output.ToString());
    }

    private static JsonElement RunJson(params string[] args)
    {
        var (exitCode, output) = Run([.. ScoreArgs, "--json", .. args]);
        Assert.Equal(0, exitCode);
        return JsonDocument.Parse(output).RootElement;
    }

    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(property => property.Name);

    [Fact]
    public void The_text_output_docs_evaluation_md_shows_is_what_eval_prints_for_the_fixture()
    {
        string docs = Documentation.UserDocs.Read("docs/evaluation.md");
        int block = docs.IndexOf("\n```\n", docs.IndexOf("The text output is", StringComparison.Ordinal), StringComparison.Ordinal) + "\n```\n".Length;
        var (exitCode, output) = Run(ScoreArgs);
        Assert.Equal(0, exitCode);
        Assert.Equal(docs[block..docs.IndexOf("```", block, StringComparison.Ordinal)], output);
    }

    [Fact]
    public void The_worst_documents_list_says_1_segment_not_1_segments()
    {
        var (exitCode, output) = Run([.. ScoreArgs, "--doc-ids", Fixture("doc-ids.txt"), "--metrics", "bleu"]);
        Assert.Equal(0, exitCode);
        Assert.Matches(@"\n  doc-a     2 segments  BLEU = ", output);
        Assert.Matches(@"\n  doc-b     1 segment   BLEU = ", output); // the columns stay aligned
    }

    [Fact]
    public void Json_is_one_object_keyed_by_metric_with_sacrebleu_details()
    {
        var json = RunJson();

        Assert.Equal(["bleu", "chrf", "chrf++"], Keys(json));
        var bleu = json.GetProperty("bleu");
        Assert.Equal(["name", "score", "signature", "counts", "totals", "precisions", "bp", "sys_len", "ref_len", "ratio", "verbose_score"], Keys(bleu));
        Assert.Equal(48.53, Math.Round(bleu.GetProperty("score").GetDouble(), 2));
        Assert.Equal("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1", bleu.GetProperty("signature").GetString());
        Assert.Equal([14, 7, 5, 3], bleu.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(18, bleu.GetProperty("ref_len").GetInt32());
        var chrf = json.GetProperty("chrf");
        Assert.Equal(["name", "score", "signature", "char_order", "word_order", "beta"], Keys(chrf));
        Assert.Equal(59.73, Math.Round(chrf.GetProperty("score").GetDouble(), 2));
        Assert.Equal(2, json.GetProperty("chrf++").GetProperty("word_order").GetInt32());
        Assert.Equal("chrF2++", json.GetProperty("chrf++").GetProperty("name").GetString());
    }

    [Fact]
    public void Metrics_selects_and_orders_the_keys()
    {
        Assert.Equal(["chrf++", "bleu"], Keys(RunJson("--metrics", "chrf++,bleu")));
    }

    [Fact]
    public void Sentence_level_adds_each_sentence_under_its_metric()
    {
        var sentences = RunJson("--sentence-level").GetProperty("bleu").GetProperty("sentences");

        Assert.Equal(3, sentences.GetArrayLength());
        Assert.Equal(100.0, sentences[0].GetProperty("score").GetDouble(), 1e-9);
        Assert.Contains("eff:yes", sentences[0].GetProperty("signature").GetString());
    }

    [Fact]
    public void Document_ids_add_the_documents_worst_first()
    {
        var documents = RunJson("--doc-ids", Fixture("doc-ids.txt")).GetProperty("documents");

        Assert.Equal(["doc-b", "doc-a"], documents.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(["id", "segments", "bleu", "chrf", "chrf++"], Keys(documents[0]));
    }

    [Fact]
    public void Text_prints_sacrebleu_lines_aligned_on_the_equals_sign()
    {
        var (exitCode, output) = Run(ScoreArgs);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "    BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1 = 48.5 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
                "  chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.5.1 = 59.7",
                "chrF2++|nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.5.1 = 59.2",
            ],
            output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Model_translates_the_source_and_reports_throughput()
    {
        var engine = new StandInTranslator(new Dictionary<string, string>
        {
            ["كلب"] = "The dog bit the man.",
            ["مفاجأة"] = "It wasn't surprising.",
            ["رجل"] = "The man had just bitten him.",
        });
        string? loadedFrom = null;

        var (exitCode, output) = Run(
            ["--model", "models/opus-mt-ar-en", "--src", Fixture("src.ar.txt"), "--ref", Fixture("ref1.txt"), "--ref", Fixture("ref2.txt"), "--json"],
            folder => { loadedFrom = folder; return engine; });

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(48.53, Math.Round(json.GetProperty("bleu").GetProperty("score").GetDouble(), 2));
        Assert.Equal(["sentences", "wall_seconds", "sentences_per_second"], Keys(json.GetProperty("throughput")));
        Assert.Equal(3, json.GetProperty("throughput").GetProperty("sentences").GetInt32());
        Assert.Equal("models/opus-mt-ar-en", loadedFrom);
        Assert.True(engine.Disposed);
    }

    [Theory]
    [InlineData("--hyp", "hyp.txt")] // no references
    [InlineData("--ref", "ref1.txt")] // neither --hyp nor --model
    [InlineData("--hyp", "missing.txt", "--ref", "ref1.txt")]
    [InlineData("--hyp", "hyp.txt", "--ref", "ref1.txt", "--metrics", "ter")]
    [InlineData("--hyp", "hyp.txt", "--ref", "ref1.txt", "--by-document")] // no documents
    [InlineData("--model", "m", "--src", "src.ar.txt", "--ref", "ref1.txt")] // this build has no engine
    public void User_errors_exit_with_code_2(params string[] args)
    {
        string[] withPaths = args.Select((arg, i) => i > 0 && args[i - 1] is "--hyp" or "--ref" or "--src" ? Fixture(arg) : arg).ToArray();

        Assert.Equal(2, Run(withPaths).ExitCode);
    }
}
