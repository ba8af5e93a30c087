using Tarjama.Tests.Cli;

namespace Tarjama.Tests.Conversion;

/// <summary>Weights in external data (<c>.onnx_data</c>, as exports of models over 2 GB keep them) cut short or emptied:
/// the error is the engine's one line, exit 2. Before, ONNX Runtime also printed its own coloured log line
/// ("[E:onnxruntime:, inference_session.cc ...] Exception during initialization") on stderr first.</summary>
public class DamagedExternalDataTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_decoder_weights_file_cut_short_is_one_error_line(bool emptied)
    {
        using var model = new ConvertedModel("tiny-nllb", tokenizerOf: "tiny-nllb", externalDataAbove: 0);
        string weights = Path.Combine(model.Folder, "onnx", "decoder_model_merged.onnx_data");
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(emptied ? 0 : bytes.Length / 2)]);
        var result = CliRunner.Run("hello\n", "translate", "-m", model.Folder, "--sentences", "--max-new-tokens", "3");
        TranslateSentencesCliTests.AssertOneErrorLine(result, "decoder_model_merged.onnx: not a loadable ONNX model");
    }
}
