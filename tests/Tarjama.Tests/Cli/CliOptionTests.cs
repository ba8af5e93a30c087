using System.Net;
using System.Net.Sockets;
using Tarjama.Evaluation;

namespace Tarjama.Tests.Cli;

/// <summary>What the CLI says to a command line it cannot run: one line naming the problem and exit code 2, never the whole
/// help; every number bounded; options that would do nothing refused with what works.</summary>
public class CliOptionTests
{
    private static readonly string Model = Fixtures.ReferenceModel;

    [Theory]
    [InlineData("--bogus", "'--bogus'")]
    [InlineData("--threads", "100000", "--threads takes a number from 0 to 256 (got 100000)")]
    [InlineData("--threads", "many", "'many'")]
    [InlineData("--batch-size", "0", "--batch-size takes a number from 1 to 256")]
    [InlineData("--beams", "100000", "--beams takes a number from 1 to 32")]
    [InlineData("--max-new-tokens", "-1", "--max-new-tokens takes a number from 1 to 1024")]
    [InlineData("--length-penalty", "NaN", "--length-penalty takes a number from -10 to 10 (got NaN)")]
    [InlineData("--repetition-penalty", "Infinity", "--repetition-penalty takes a number from 0.01 to 100")]
    [InlineData("--format", "pdf", "--format pdf: use one of text, markdown, html")]
    [InlineData("--decoder", "fast", "--decoder fast: use one of auto, merged, split")]
    [InlineData("--sentences", "--bilingual", "tmx", "--bilingual is for documents; --sentences sends each line")]
    [InlineData("--verbatim", "", "--verbatim takes text to keep (got '')")]
    [InlineData("--verbatim", "Telma", "--verbatim", " ", "--verbatim takes text to keep (got ' ')")]
    [InlineData("--output", "jsonl", "--output is for --sentences (text or jsonl); for a document's segments side by side use --bilingual")]
    public void A_bad_translate_command_line_is_one_line_and_exit_2(params string[] argsThenExpected)
    {
        var result = CliRunner.Run("", ["translate", "-m", Model, .. argsThenExpected[..^1]]);
        AssertOneError(result, argsThenExpected[^1]);
    }

    [Theory]
    [InlineData("eval", "--hyp", "h.txt", "--ref", "r.txt", "--beams", "2", "--beams is for --model")]
    [InlineData("eval", "--hyp", "h.txt", "--ref", "r.txt", "--json", "--width", "3", "--width sets the decimals of the text report")]
    [InlineData("eval", "--hyp", "h.txt", "--ref", "r.txt", "--lang-pair", "ar-en", "--lang-pair tells the direction of --hyp against a --test set")]
    [InlineData("eval", "--hyp", "h.txt", "--ref", "r.txt", "--worst", "3", "--worst lists the worst documents")]
    [InlineData("serve", "-m", "x", "--key-req-limit", "5", "--key-req-limit sets the limit of keys from --api-keys FILE")]
    [InlineData("serve", "-m", "x", "--port", "70000", "--port takes a number from 0 to 65535")]
    [InlineData("serve", "-m", "x", "--max-jobs", "0", "--max-jobs takes a number from 1 to 100000")]
    [InlineData("serve", "-m", "x", "--job-concurrency", "65", "--job-concurrency takes a number from 1 to 64")]
    [InlineData("bench", "-m", "x", "--runs", "0", "--runs takes a number from 1 to 100")]
    [InlineData("serve", "-m", "x", "--char-limit", "0", "--char-limit takes -1 (no limit) or a number from 1 to 10000000 (got 0)")]
    [InlineData("serve", "-m", "x", "--batch-limit", "0", "--batch-limit takes -1 (no limit) or a number from 1 to 100000 (got 0)")]
    [InlineData("serve", "-m", "x", "--cors", "example.com", "--cors takes *, none, or an origin such as https://example.com or http://localhost:8080 (scheme://host[:port], http or https, no path) (got 'example.com')")]
    [InlineData("serve", "-m", "x", "--cors", "https://example.com/", "(got 'https://example.com/')")]
    [InlineData("serve", "-m", "x", "--cors", "https://example.com", "--cors", "ftp://example.com", "(got 'ftp://example.com')")]
    [InlineData("serve", "-m", "x", "--cors", "http://localhost:99999", "(got 'http://localhost:99999')")]
    [InlineData("serve", "-m", "x", "--cors", "none", "--cors", "https://example.com", "--cors none turns CORS off: give it alone, not with origins")]
    [InlineData("serve", "-m", "x", "--port", "http", "--port takes a whole number (got 'http')")]
    [InlineData("serve", "-m", "x", "--req-limit", "99999999999", "--req-limit takes a smaller number (got 99999999999)")]
    [InlineData("translate", "-m", "x", "--length-penalty", "high", "--length-penalty takes a number (got 'high')")]
    [InlineData("eval", "--hyp", "/", "--ref", "/", "/: it is a directory")]
    [InlineData("serve", "-m", "x", "--port", "0", "--api-keys", "/", "/: it is a directory (--api-keys)")]
    [InlineData("models", "verify", "/", "'/' is a folder, not a model in the Hugging Face cache")]
    [InlineData("glossary", "export", "/", "/: cannot read the glossary (it is a directory)")]
    [InlineData("tm", "export", "desk.tm", "--from", "", "--from takes a language code such as ar, arb, ar-EG or arb_Arab (got '')")]
    [InlineData("tm", "add", "desk.tm", "a.jsonl", "--to", "e!n", "--to takes a language code such as ar, arb, ar-EG or arb_Arab (got 'e!n')")]
    [InlineData("tm", "add", "desk.tm", "a.jsonl", "--from", "en", "--to", "en", "--from en and --to en are the same language: give the pair's two languages")]
    [InlineData("tm", "export", "desk.tm", "--from", "ar", "--to", "ar-EG", "--from ar and --to ar-EG are the same language")]
    [InlineData("glossary", "export", "a.tsv", "--from", "english", "--from takes a language code")]
    [InlineData("eval", "--model", "x", "--src", "s.txt", "--ref", "r.txt", "--beams", "2", "--n-best", "2", "unknown option or argument '--n-best' (see: tarjama eval --help)")]
    [InlineData("bench", "-m", "x", "--beams", "2", "--n-best", "2", "unknown option or argument '--n-best' (see: tarjama bench --help)")]
    [InlineData("serve", "-m", "x", "--beams", "2", "--n-best", "2", "unknown option or argument '--n-best' (see: tarjama serve --help)")]
    [InlineData("worker", "-m", "x", "--queue", "q", "--beams", "2", "--n-best", "2", "unknown option or argument '--n-best' (see: tarjama worker --help)")]
    [InlineData("nonsense", "'nonsense'")]
    public void Other_commands_answer_the_same_way(params string[] argsThenExpected) =>
        AssertOneError(CliRunner.Run("", argsThenExpected[..^1]), argsThenExpected[^1]);

    [Fact]
    public void The_format_names_people_type_are_accepted()
    {
        var result = CliRunner.Run("# عنوان\n\nنص.\n", "translate", "-m", Model, "--beams", "1", "--max-new-tokens", "6", "--format", "md");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# ", result.Stdout);
    }

    [Fact]
    public void Serve_takes_origins_as_browsers_send_them()
    {
        var result = CliRunner.Run("", "serve", "-m", "/nonexistent/model", "--port", "0", "--cors", "https://Example.com:8443", "--cors", "http://[::1]:8080", "--cors", "*");
        AssertOneError(result, "model folder '/nonexistent/model' does not exist");
    }

    [Fact]
    public void Tm_takes_nllb_codes_and_bcp47_tags_and_exports_them_as_tmx_language_tags()
    {
        var folder = Directory.CreateTempSubdirectory("tarjama-tm-");
        try
        {
            string memory = Path.Combine(folder.FullName, "desk.tm"), pairs = Path.Combine(folder.FullName, "pairs.jsonl");
            File.WriteAllText(pairs, "{\"source\": \"مرحبا\", \"target\": \"hello\"}\n");
            Assert.Equal(0, CliRunner.Run("", "tm", "add", memory, pairs, "--from", "arb_Arab", "--to", "en-GB").ExitCode);
            var export = CliRunner.Run("", "tm", "export", memory, "--from", "arb_Arab", "--to", "en-GB");
            Assert.Equal(0, export.ExitCode);
            Assert.Contains("srclang=\"arb-Arab\"", export.Stdout);
            Assert.Contains("xml:lang=\"en-GB\"", export.Stdout);
            Assert.Contains("hello", export.Stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Usage_names_the_command_tarjama()
    {
        var result = CliRunner.Run("", "translate", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tarjama translate [options]", result.Stdout);
        Assert.DoesNotContain("Tarjama.Cli", result.Stdout);
    }

    [Fact]
    public void Help_lists_the_values_an_option_accepts_and_only_those()
    {
        var help = CliRunner.Run("", "translate", "--help").Stdout;
        Assert.Contains("--format <htm|html|markdown|md|text|txt|xlf|xliff|xml>", help);   // not the enum's Docx, which --format refuses
        Assert.Contains("--decoder <auto|merged|split>", help);
        Assert.Equal(2, CliRunner.Run("", "translate", "-m", "x", "--format", "Docx").ExitCode);
    }

    [Fact]
    public void Serve_on_a_busy_port_or_without_its_keys_file_is_one_line_before_loading_any_model()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var result = CliRunner.Run("", "serve", "-m", "/nonexistent/model", "--port", $"{port}");
        AssertOneError(result, $"port {port} on 127.0.0.1 is in use by another program");
        AssertOneError(CliRunner.Run("", "serve", "-m", "/nonexistent/model", "--host", "localhost", "--port", $"{port}"), $"port {port} on 127.0.0.1 is in use by another program");
        AssertOneError(CliRunner.Run("", "serve", "-m", "/nonexistent/model", "--host", "news.example", "--port", $"{port}"), "--host must be an IP address or localhost (got news.example)");
        AssertOneError(CliRunner.Run("", "serve", "-m", "/nonexistent/model", "--port", "0", "--api-keys", "/nonexistent/keys"), "/nonexistent/keys: no such file");
    }

    [Fact]
    public void Bench_without_the_data_folder_says_how_to_run_without_it() =>
        AssertOneError(CliRunner.Run(null, new Dictionary<string, string> { [TestSets.DataVariable] = "/nonexistent/data" },
            "bench", "-m", Fixtures.Path("models", "tiny-ar-en"), "--reference", "none", "--runs", "1"),
            "TARJAMA_DATA=/nonexistent/data: no such folder, or give the sentences with --inputs FILE");

    [Fact]
    public void Bench_and_eval_look_for_no_data_folder_of_their_own() // not even a data folder beside or above the checkout
    {
        var unset = new Dictionary<string, string> { [TestSets.DataVariable] = "" };
        const string Missing = "the test sets are not part of Tarjama: set TARJAMA_DATA to the folder that holds ntrex128/ and tatoeba/";
        AssertOneError(CliRunner.Run(null, unset, "bench", "-m", Fixtures.Path("models", "tiny-ar-en"), "--reference", "none", "--runs", "1"),
            Missing + ", or give the sentences with --inputs FILE");
        AssertOneError(CliRunner.Run(null, unset, "eval", "--model", Fixtures.Path("models", "tiny-ar-en"), "--test", "ntrex128"), Missing);
    }

    private static void AssertOneError(CliRunner.Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("tarjama: error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Usage", result.Stdout + result.Stderr);
    }
}
