using System.Text;
using System.Text.Json;

namespace Tarjama.Tests.Cli;

/// <summary><c>tarjama translate --sentences</c> end to end on the reference model, and its answers to bad input.</summary>
public class TranslateSentencesCliTests
{
    private static readonly string Model = Fixtures.ReferenceModel;
    private static readonly string[] Inputs = Fixtures.Lines("reference-golden", "inputs_ar_50.txt");

    [Fact]
    public void One_output_line_per_input_line_with_empty_lines_kept()
    {
        string input = $"{Inputs[2]}\n\n{Inputs[3]}\n";
        var result = CliRunner.Run(input, "translate", "--model", Model, "--sentences", "--max-new-tokens", "8");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal(4, lines.Length); // three lines and the final newline
        Assert.NotEmpty(lines[0]);
        Assert.Empty(lines[1]);
        Assert.NotEmpty(lines[2]);
    }

    [Fact]
    public void Jsonl_carries_source_translation_token_ids_and_score_equal_to_the_reference()
    {
        var golden = Engine.GoldenRecord.Read(Fixtures.Path("reference-golden", "hf-transformers.beam4.bs1.jsonl"));
        string input = string.Join("\n", Inputs.Take(3)) + "\n";
        var result = CliRunner.Run(input, "translate", "-m", Model, "--sentences", "--output", "jsonl", "--beams", "4", "--max-new-tokens", "64");
        Assert.Equal(0, result.ExitCode);
        var records = result.Stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, records.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Inputs[i], records[i].GetProperty("source").GetString());
            Assert.False(string.IsNullOrEmpty(records[i].GetProperty("translation").GetString()));
            Assert.Equal(golden[i].OutputIds, records[i].GetProperty("token_ids").EnumerateArray().Select(e => e.GetInt32()));
            Assert.InRange(records[i].GetProperty("score").GetDouble(), golden[i].Score!.Value - 1e-3, golden[i].Score!.Value + 1e-3);
        }
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_byte_offset_after_the_lines_before_it_are_written()
    {
        var input = Encoding.UTF8.GetBytes(Inputs[2] + "\n").Concat(new byte[] { (byte)'a', 0xFF, (byte)'\n' }).ToArray();
        var result = CliRunner.Run(input, "translate", "-m", Model, "--sentences", "--max-new-tokens", "8");
        Assert.NotEqual(0, result.ExitCode);
        int offset = Encoding.UTF8.GetByteCount(Inputs[2] + "\n") + 1;
        Assert.Equal($"tarjama: error: standard input: invalid UTF-8 at byte offset {offset}; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)", result.Stderr.Trim());
        Assert.Single(result.Stdout.Trim().Split('\n'), l => l.Length > 0);
    }

    [Fact]
    public void Missing_model_folder_is_one_clear_line()
    {
        var result = CliRunner.Run("x\n", "translate", "-m", "/nonexistent/model", "--sentences");
        AssertOneErrorLine(result, "model folder '/nonexistent/model' does not exist");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_model_path_that_is_a_file_is_named_as_a_file(bool relative)
    {
        // Relative and with a slash, it reads like a Hub repository id (owner/name): before, a download was tried.
        string folder = $"tarjama-model-file-{Guid.NewGuid():N}";
        string file = Path.Combine(folder, "model.onnx");
        Directory.CreateDirectory(folder);
        File.WriteAllText(file, "not a model");
        try
        {
            string argument = relative ? file : Path.GetFullPath(file);
            var result = CliRunner.Run("x\n"u8.ToArray(), new Dictionary<string, string> { ["HF_HUB_OFFLINE"] = "1" }, "translate", "-m", argument, "--sentences");
            AssertOneErrorLine(result, $"'{argument}' is a file; a model is a folder");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Half_downloaded_model_names_the_missing_file()
    {
        using var model = new ModelCopy(Model, "onnx/decoder_model_merged.onnx", "onnx/decoder_with_past_model.onnx");
        var result = CliRunner.Run("x\n", "translate", "-m", model.Path, "--sentences");
        AssertOneErrorLine(result, "decoder_model_merged.onnx: missing");
    }

    [Fact]
    public void Unknown_dtype_lists_the_known_ones()
    {
        var result = CliRunner.Run("x\n", "translate", "-m", Model, "--sentences", "--dtype", "fp12");
        AssertOneErrorLine(result, "unknown dtype 'fp12'; use one of fp32, fp16, q8");
    }

    [Fact]
    public void Missing_dtype_variant_names_the_file_and_the_dtypes_present()
    {
        var result = CliRunner.Run("x\n", "translate", "-m", Model, "--sentences", "--dtype", "q8");
        AssertOneErrorLine(result, "encoder_model_quantized.onnx: missing (dtype q8); dtypes present: fp32");
    }

    [Fact]
    public void A_decoder_form_the_dtype_lacks_says_which_form_it_has()
    {
        // tiny-ar-en has q8 with the merged decoder only; before, the line said "dtypes present: fp32, fp16, q8".
        var result = CliRunner.Run("x\n", "translate", "-m", Fixtures.Path("models", "tiny-ar-en"), "--sentences", "--dtype", "q8", "--decoder", "split");
        AssertOneErrorLine(result, "decoder_model_quantized.onnx: missing (dtype q8); dtype q8 has only the merged decoder (decoder_model_merged) here");
    }

    [Theory]
    [InlineData("encoder_model.onnx")]
    [InlineData("decoder_model.onnx")]
    [InlineData("decoder_with_past_model.onnx")]
    public void Corrupt_onnx_file_is_named(string file)
    {
        using var model = new ModelCopy(Model);
        File.WriteAllBytes(model.File("onnx/" + file), Encoding.ASCII.GetBytes("version https://git-lfs.github.com/spec/v1\n"));
        var result = CliRunner.Run("x\n", "translate", "-m", model.Path, "--sentences", "--decoder", "split");
        AssertOneErrorLine(result, file + ": not a loadable ONNX model");
    }

    [Theory]
    [InlineData("generation_config.json")]
    [InlineData("vocab.json")]
    [InlineData("config.json")]
    public void A_folder_in_place_of_a_model_file_is_named(string file)
    {
        // Before: taken for a missing file, so the model ran with HF's default decoding (no generation_config.json)
        // or with tokenizer.json (no vocab.json), and exited 0; config.json was "not a model folder (no config.json)".
        using var model = new ModelCopy(Fixtures.ReferenceModel, file);
        Directory.CreateDirectory(model.File(file));
        var result = CliRunner.Run("x\n", "translate", "-m", model.Path, "--sentences");
        AssertOneErrorLine(result, $"{model.File(file)}: a folder, where the model's file of that name should be");
    }

    [Fact]
    public void Broken_config_json_is_named()
    {
        using var model = new ModelCopy(Model);
        File.WriteAllText(model.File("config.json"), "{ \"d_model\": ");
        var result = CliRunner.Run("x\n", "translate", "-m", model.Path, "--sentences");
        AssertOneErrorLine(result, "config.json: not valid JSON");
    }

    internal static void AssertOneErrorLine(CliRunner.Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("tarjama: error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
