using Tarjama.Decoding;
using Tarjama.Hub;
using Tarjama.Models;
using Tarjama.Tests.Hub;
using Tarjama.Translation;

namespace Tarjama.Tests.Conversion;

/// <summary>A repository that ships only a safetensors checkpoint is pulled, converted once into the cache beside its
/// snapshot (per dtype), and then seen by <c>models list/verify/rm</c>; <c>models convert</c> writes a folder of its own.</summary>
public sealed class CheckpointPullTests : IAsyncLifetime
{
    private const string CheckpointRepo = "Helsinki-NLP/opus-mt-tc-big-ar-en";
    private const string PickleRepo = "someone/pickle-only";

    private readonly string _root = Directory.CreateTempSubdirectory("tarjama-checkpoint-pull-").FullName;
    private readonly FakeRepo _repo = new(CheckpointRepo, CheckpointFiles());
    private FakeHub _hub = null!;

    private string CacheDirectory => Path.Combine(_root, "hub");

    private string RepoFolder => Path.Combine(CacheDirectory, "models--Helsinki-NLP--opus-mt-tc-big-ar-en");

    public async Task InitializeAsync() => _hub = await FakeHub.StartAsync(_repo, new FakeRepo(PickleRepo, new Dictionary<string, byte[]>
    {
        ["config.json"] = File.ReadAllBytes(Fixtures.Path("checkpoints", "marian-base", "config.json")),
        ["pytorch_model.bin"] = [0x80, 0x02],
    }));

    private static Dictionary<string, byte[]> CheckpointFiles()
    {
        var files = new[] { "config.json", "generation_config.json", "model.safetensors" }
            .ToDictionary(f => f, f => File.ReadAllBytes(Fixtures.Path("checkpoints", "marian-base", f)));
        foreach (var name in new[] { "source.spm", "target.spm", "vocab.json", "tokenizer_config.json", "special_tokens_map.json" })
        {
            files[name] = File.ReadAllBytes(Fixtures.Path("models", "tiny-ar-en", name));
        }
        files["README.md"] = "---\nlicense: cc-by-4.0\n---\n"u8.ToArray();
        return files;
    }

    private HubSettings Settings(bool offline = false) => new() { CacheDirectory = CacheDirectory, Endpoint = _hub.Endpoint, Offline = offline };

    private (int ExitCode, string Output, string Error) Run(params string[] args) => ModelsCli.Run(() => Settings(), args);

    [Fact]
    public void Pull_converts_once_and_the_cache_commands_see_the_conversion()
    {
        var pull = Run("models", "pull", "opus-mt-tc-big-ar-en");
        var converted = Path.Combine(RepoFolder, "converted", _repo.Commit, "fp32");

        Assert.Equal(0, pull.ExitCode);
        Assert.Equal(converted, pull.Output.Trim());
        Assert.Contains($"pulling {CheckpointRepo} checkpoint at main", pull.Error);
        Assert.Contains("converting", pull.Error);
        Assert.True(File.Exists(Path.Combine(converted, "onnx", "encoder_model.onnx")));
        Assert.True(File.Exists(Path.Combine(RepoFolder, "snapshots", _repo.Commit, "model.safetensors")));
        Assert.DoesNotContain(_hub.Requests, r => r.Path.EndsWith("README.md", StringComparison.Ordinal));

        // Offline, another dtype is converted from the cached checkpoint; the first one is found as it is.
        var observer = new RecordingObserver();
        var offline = new ModelResolveOptions { Hub = Settings(offline: true), Observer = observer };
        Assert.Equal(converted, ModelResolver.ResolveModelDirectory(CheckpointRepo, offline));
        Assert.DoesNotContain(observer.Notes, n => n.StartsWith("converting", StringComparison.Ordinal));
        var int8 = ModelResolver.ResolveModelDirectory(CheckpointRepo, offline with { Dtype = ModelDtype.Int8 });
        Assert.True(File.Exists(Path.Combine(int8, "onnx", "decoder_model_merged_int8.onnx")));

        Assert.Matches(@"opus-mt-tc-big-ar-en\s+Helsinki-NLP/opus-mt-tc-big-ar-en\s+ar→en.*\s+fp32, int8 \(", Run("models", "list").Output);
        var verify = Run("models", "verify", "opus-mt-tc-big-ar-en");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains($"UNVERIFIABLE converted/{_repo.Commit}/fp32/onnx/encoder_model.onnx", verify.Output);

        Assert.Equal(0, Run("models", "rm", "opus-mt-tc-big-ar-en").ExitCode);
        Assert.False(Directory.Exists(RepoFolder));
    }

    [Fact]
    public void The_engine_runs_a_model_pulled_as_a_checkpoint()
    {
        var folder = ModelResolver.ResolveModelDirectory(CheckpointRepo, new ModelResolveOptions { Hub = Settings() });
        var golden = CheckpointGolden.Read(Fixtures.Path("checkpoints", "marian-base"));
        using var translator = Translator.Load(folder, new TranslatorOptions
        {
            Generation = new GenerationOverrides { NumBeams = 1, MaxNewTokens = golden.MaxNewTokens },
        });
        Assert.Equal(golden.Outputs(1, 1)[0], translator.Generate([golden.Inputs[0]])[0].Tokens);
    }

    [Fact]
    public void Convert_writes_its_own_folder_and_leaves_the_cache_unconverted()
    {
        var output = Path.Combine(_root, "tc-big-q4");
        var convert = Run("models", "convert", CheckpointRepo, "--dtype", "q4", "-o", output);

        Assert.Equal(0, convert.ExitCode);
        Assert.Equal(output, convert.Output.Trim());
        Assert.True(File.Exists(Path.Combine(output, "onnx", "decoder_model_merged_q4.onnx")));
        Assert.True(File.Exists(Path.Combine(output, "source.spm")));
        Assert.False(Directory.Exists(Path.Combine(RepoFolder, "converted")));
    }

    [Fact]
    public void A_pickle_only_repository_is_refused_with_the_revision_to_use()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(PickleRepo, new ModelResolveOptions { Hub = Settings() }));
        Assert.Contains("pytorch_model.bin", error.Message);
        Assert.Contains("--revision refs/pr/", error.Message);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
