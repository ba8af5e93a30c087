using Tarjama.Models;
using System.Text;
using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

public sealed class CacheMaintenanceTests : HubTestBed
{
    private static readonly RepoId Model = new("Xenova", "opus-mt-ar-en");

    [Fact]
    public void Verify_finds_a_damaged_blob_and_a_missing_one()
    {
        ModelResolver.Pull(RepoId, Options());
        File.WriteAllText(BlobPath("config.json"), "{}");
        File.Delete(BlobPath("onnx/encoder_model.onnx"));

        var checks = CacheVerifier.Verify(CacheDirectory, Model).ToDictionary(c => c.Path);

        Assert.Equal(Fp32Files.Order(StringComparer.Ordinal), checks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(FileCheckOutcome.Damaged, checks["config.json"].Outcome);
        Assert.Equal(FileCheckOutcome.MissingBlob, checks["onnx/encoder_model.onnx"].Outcome);
        Assert.Equal(FileCheckOutcome.Ok, checks["onnx/decoder_model_merged.onnx"].Outcome);
        Assert.Equal("SHA-256", checks["onnx/decoder_model_merged.onnx"].Detail);
        Assert.Equal("git blob SHA-1", checks["tokenizer.json"].Detail);
    }

    [Fact]
    public void Removing_one_revision_keeps_the_blobs_another_snapshot_still_uses()
    {
        var older = new FakeRepo(RepoId, new Dictionary<string, byte[]>(Repo.Files) { ["config.json"] = Encoding.UTF8.GetBytes("{\"old\": true}") });
        const string olderCommit = "1111111111111111111111111111111111111111";
        PythonStyleCache.Write(CacheDirectory, older, olderCommit, Fp32Files, refName: "v1");
        PythonStyleCache.Write(CacheDirectory, Repo, Repo.Commit, Fp32Files);

        var freed = CacheRemover.Remove(CacheDirectory, Model, "v1");

        Assert.Equal(older.Files["config.json"].Length, freed);
        Assert.False(Directory.Exists(Path.Combine(RepoFolder, "snapshots", olderCommit)));
        Assert.False(File.Exists(Path.Combine(RepoFolder, "refs", "v1")));
        AssertSnapshotHolds(SnapshotFolder, Fp32Files);
        Assert.Equal(SnapshotFolder, CachedModels.FindSnapshot(CacheDirectory, Model, "main", ModelDtype.Fp32));
    }

    [Fact]
    public void Removing_a_model_removes_its_whole_folder_and_locks()
    {
        ModelResolver.Pull(RepoId, Options());
        var blobBytes = Directory.EnumerateFiles(Path.Combine(RepoFolder, "blobs")).Sum(f => new FileInfo(f).Length);

        Assert.Equal(blobBytes, CacheRemover.Remove(CacheDirectory, Model, revision: null));
        Assert.False(Directory.Exists(RepoFolder));
        Assert.False(Directory.Exists(Path.Combine(CacheDirectory, ".locks", "models--Xenova--opus-mt-ar-en")));
        Assert.Empty(CachedModels.List(CacheDirectory));
    }

    [Fact]
    public void Removing_a_model_that_is_not_cached_says_so() =>
        Assert.Contains("is not in the cache", Assert.Throws<TarjamaException>(() => CacheRemover.Remove(CacheDirectory, Model, null)).Message);

    [Fact]
    public void The_cache_listing_tells_which_dtypes_are_complete()
    {
        ModelResolver.Pull(RepoId, Options(ModelDtype.Q8));

        var cached = Assert.Single(CachedModels.List(CacheDirectory));

        Assert.Equal(Model, cached.Repo);
        Assert.Equal([ModelDtype.Q8], cached.Dtypes);
    }
}
