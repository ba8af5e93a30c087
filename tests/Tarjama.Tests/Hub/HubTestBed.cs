using Tarjama.Models;
using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

/// <summary>
/// Per test: a fake hub serving the fixture model as <c>Xenova/opus-mt-ar-en</c> (plus a gated copy) and an empty
/// HF cache of the test's own, passed explicitly so that tests can run in parallel.
/// </summary>
public abstract class HubTestBed : IAsyncLifetime
{
    internal const string RepoId = "Xenova/opus-mt-ar-en";
    internal const string GatedRepoId = "someone/gated-marian";
    internal const string GatedToken = "hf_fake_token";

    internal static readonly string[] Fp32Files =
    [
        "config.json", "generation_config.json", "source.spm", "target.spm", "vocab.json", "tokenizer.json", "tokenizer_config.json",
        "special_tokens_map.json", "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx",
    ];

    private readonly string root = Path.Combine(Path.GetTempPath(), "tarjama-hub-tests", Guid.NewGuid().ToString("N"));

    internal FakeHub Hub { get; private set; } = null!;

    internal FakeRepo Repo { get; } = FakeRepo.FromFixture(RepoId);

    internal string CacheDirectory => Path.Combine(root, "hub");

    internal string RepoFolder => Path.Combine(CacheDirectory, "models--Xenova--opus-mt-ar-en");

    internal string SnapshotFolder => Path.Combine(RepoFolder, "snapshots", Repo.Commit);

    internal RecordingObserver Observer { get; } = new();

    public async Task InitializeAsync() => Hub = await FakeHub.StartAsync(Repo, FakeRepo.FromFixture(GatedRepoId, GatedToken));

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal HubSettings Settings(bool offline = false, string? token = null) =>
        new() { CacheDirectory = CacheDirectory, Endpoint = Hub.Endpoint, Offline = offline, Token = token };

    internal ModelResolveOptions Options(ModelDtype dtype = ModelDtype.Fp32, bool offline = false, string? token = null) =>
        new() { Hub = Settings(offline, token), Dtype = dtype, Observer = Observer, FirstRetryDelay = TimeSpan.FromMilliseconds(10) };

    internal string BlobPath(string repoPath) => Path.Combine(RepoFolder, "blobs", Repo.EtagOf(repoPath));

    /// <summary>Every file under the snapshot folder, as repository paths.</summary>
    internal string[] SnapshotPaths(string snapshot) =>
        [.. Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(snapshot, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal)];

    /// <summary>The snapshot holds exactly <paramref name="paths"/>, each a link into blobs/ with the served bytes.</summary>
    internal void AssertSnapshotHolds(string snapshot, IEnumerable<string> paths)
    {
        Assert.Equal(paths.Order(StringComparer.Ordinal), SnapshotPaths(snapshot));
        foreach (var path in paths)
        {
            var pointer = new FileInfo(Path.Combine(snapshot, path));
            Assert.NotNull(pointer.LinkTarget);
            Assert.Equal(Repo.EtagOf(path), Path.GetFileName(pointer.LinkTarget));
            Assert.Equal(Repo.Files[path], File.ReadAllBytes(pointer.FullName));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(RepoFolder, "blobs"), "*.incomplete"));
    }
}

/// <summary>Keeps what a pull told its observer.</summary>
internal sealed class RecordingObserver : IPullObserver
{
    public List<string> Notes { get; } = [];

    public Dictionary<string, (long Done, long Total)> Last { get; } = [];

    public void Note(string message)
    {
        lock (Notes)
        {
            Notes.Add(message);
        }
    }

    public void Progress(string file, long bytesDone, long bytesTotal)
    {
        lock (Last)
        {
            Last[file] = (bytesDone, bytesTotal);
        }
    }
}
