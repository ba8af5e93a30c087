using System.Text.Json.Nodes;

namespace Tarjama.Tests.Cli;

/// <summary>A config.json whose sizes do not fit the ONNX files beside it (copied from another model, edited by hand)
/// is one line at load naming both, exit 2; before, ONNX Runtime failed at the first translation (internal error,
/// exit 70), or, for max_position_embeddings, the input chunker did.</summary>
public class ModelConfigCliTests
{
    [Theory]
    [InlineData("decoder_layers", 5, "split", "decoder_with_past_model.onnx: the graph has 2 decoder layers")]
    [InlineData("decoder_layers", 1, "merged", "decoder_model_merged.onnx: the graph has 2 decoder layers")]
    [InlineData("d_model", 64, "split", "config.json says 2, 4 heads of size 16")]
    [InlineData("decoder_attention_heads", 8, "merged", "config.json says 2, 8 heads of size 4")]
    [InlineData("max_position_embeddings", 0, "split", "config.json: max_position_embeddings 0 leaves no room for an input (at least 4)")]
    [InlineData("max_position_embeddings", -3, "split", "config.json: max_position_embeddings -3 leaves no room")]
    public void A_config_that_does_not_fit_the_onnx_files_is_named(string key, int value, string decoder, string expected)
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel);
        var config = JsonNode.Parse(File.ReadAllText(model.File("config.json")))!;
        config[key] = value;
        File.WriteAllText(model.File("config.json"), config.ToJsonString());
        var result = CliRunner.Run("مرحبا\n", "translate", "-m", model.Path, "--sentences", "--decoder", decoder, "--beams", "1", "--max-new-tokens", "4");
        TranslateSentencesCliTests.AssertOneErrorLine(result, expected);
    }
}
