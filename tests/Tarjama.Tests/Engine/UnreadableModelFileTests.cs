using Tarjama.Engine;
using Tarjama.Models;
using Tarjama.Tokenization;

namespace Tarjama.Tests.Engine;

/// <summary>A model file that cannot be opened (no permission for the user running it: a file given to another user,
/// or a folder where the file should be, which .NET reports the same way) is a one-line error naming it, not an
/// internal error. Tests run as root, whom permissions do not stop, so a folder stands in for the denied file.</summary>
public sealed class UnreadableModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-unreadable-").FullName;

    [Fact]
    public void A_json_config_that_cannot_be_opened_is_named()
    {
        string path = Denied("generation_config.json");
        var error = Assert.Throws<TarjamaException>(() => ModelJson.Read<GenerationConfig>(path));
        Assert.Equal($"{path}: cannot be read (it is a directory)", error.Message);
    }

    [Fact]
    public void A_vocabulary_that_cannot_be_opened_is_named()
    {
        string path = Denied("vocab.json");
        Assert.StartsWith($"{path}: cannot be read", Assert.Throws<TarjamaException>(() => MarianVocabulary.Load(path)).Message);
    }

    [Fact]
    public void A_tokenizer_json_that_cannot_be_opened_is_named()
    {
        string path = Denied("tokenizer.json");
        Assert.StartsWith($"{path}: cannot be read", Assert.Throws<TarjamaException>(() => TokenizerJsonModel.Load(path)).Message);
        Assert.StartsWith($"{path}: cannot be read", Assert.Throws<TarjamaException>(() => TokenizerJsonModel.LoadBpe(path, new HashSet<string>())).Message);
    }

    [Fact]
    public void An_onnx_graph_that_cannot_be_opened_is_left_to_onnx_runtime_s_error()
    {
        // Null sends the file to ONNX Runtime, whose load error the engine reports as "not a loadable ONNX model".
        Assert.Null(OnnxSessionLoader.Parse(Denied("decoder_model.onnx")));
    }

    private string Denied(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
