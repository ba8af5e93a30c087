using Tarjama.Models;
using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

public sealed class NamingTests
{
    [Theory]
    [InlineData("fp32", "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx")]
    [InlineData("fp16", "onnx/encoder_model_fp16.onnx", "onnx/decoder_model_merged_fp16.onnx")]
    [InlineData("q8", "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx")]
    [InlineData("int8", "onnx/encoder_model_int8.onnx", "onnx/decoder_model_merged_int8.onnx")]
    [InlineData("uint8", "onnx/encoder_model_uint8.onnx", "onnx/decoder_model_merged_uint8.onnx")]
    [InlineData("q4", "onnx/encoder_model_q4.onnx", "onnx/decoder_model_merged_q4.onnx")]
    [InlineData("bnb4", "onnx/encoder_model_bnb4.onnx", "onnx/decoder_model_merged_bnb4.onnx")]
    [InlineData("q4f16", "onnx/encoder_model_q4f16.onnx", "onnx/decoder_model_merged_q4f16.onnx")]
    public void Each_dtype_names_its_files_as_transformers_js_does(string name, string encoder, string decoder)
    {
        var dtype = ModelDtypes.Parse(name);

        Assert.Equal(name, dtype.Name());
        Assert.Equal(encoder, ModelFiles.Encoder(dtype));
        Assert.Equal(decoder, ModelFiles.MergedDecoder(dtype));
    }

    [Fact]
    public void An_unknown_dtype_lists_the_known_ones() =>
        Assert.Contains("fp32, fp16, q8, int8, uint8, q4, bnb4, q4f16", Assert.Throws<TarjamaException>(() => ModelDtypes.Parse("fp8")).Message);

    [Theory]
    [InlineData("Xenova/opus-mt-ar-en", true)]
    [InlineData("Helsinki-NLP/opus-mt-ar-en", true)]
    [InlineData("opus-mt-ar-en", false)]
    [InlineData("a/b/c", false)]
    [InlineData("owner/na--me", false)]
    [InlineData("owner/..", false)]
    [InlineData("owner/-name", false)]
    public void Repository_ids_are_held_to_the_hubs_rules(string text, bool valid) =>
        Assert.Equal(valid, RepoId.TryParse(text, out _));

    [Fact]
    public void A_repository_maps_to_and_from_its_cache_folder_name()
    {
        var repo = new RepoId("Xenova", "opus-mt-ar-en");

        Assert.Equal("models--Xenova--opus-mt-ar-en", repo.CacheFolderName);
        Assert.Equal(repo, RepoId.FromCacheFolderName(repo.CacheFolderName));
        Assert.Null(RepoId.FromCacheFolderName("datasets--x--y"));
    }
}
