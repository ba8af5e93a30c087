using Tarjama.Models;
using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

public sealed class PullTests : HubTestBed
{
    [Fact]
    public void A_clean_pull_fetches_only_the_engine_files_into_the_hub_layout()
    {
        var snapshot = ModelResolver.Pull(RepoId, Options());

        Assert.Equal(SnapshotFolder, snapshot);
        AssertSnapshotHolds(snapshot, Fp32Files);
        Assert.Equal(Repo.Commit, File.ReadAllText(Path.Combine(RepoFolder, "refs", "main")));
        // Links are relative, as huggingface_hub makes them, so the cache can move.
        Assert.Equal($"../../../blobs/{Repo.EtagOf("onnx/encoder_model.onnx")}", new FileInfo(Path.Combine(snapshot, "onnx", "encoder_model.onnx")).LinkTarget);
        Assert.Equal($"../../blobs/{Repo.EtagOf("config.json")}", new FileInfo(Path.Combine(snapshot, "config.json")).LinkTarget);
        Assert.Equal((Repo.Files["onnx/decoder_model_merged.onnx"].Length, Repo.Files["onnx/decoder_model_merged.onnx"].Length), Observer.Last["onnx/decoder_model_merged.onnx"]);
        Assert.DoesNotContain(Hub.Requests, r => r.Path.EndsWith("decoder_model.onnx", StringComparison.Ordinal) || r.Path.EndsWith("README.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Pulling_a_complete_snapshot_again_only_asks_the_hub_for_the_revision()
    {
        ModelResolver.Pull(RepoId, Options());
        Hub.Requests.Clear();

        ModelResolver.Pull(RepoId, Options());

        Assert.Equal("/api/models/Xenova/opus-mt-ar-en/revision/main", Assert.Single(Hub.Requests).Path);
    }

    [Fact]
    public void Pulling_again_downloads_a_file_damaged_since_and_only_that()
    {
        // A cut-short copy or a bad disk: verify names the file; before, pull said it was already cached and kept it.
        ModelResolver.Pull(RepoId, Options());
        string encoder = BlobPath("onnx/encoder_model.onnx");
        File.WriteAllBytes(encoder, File.ReadAllBytes(encoder)[..1000]);
        Hub.Requests.Clear();

        var snapshot = ModelResolver.Pull(RepoId, Options());

        Assert.Equal(Repo.Files["onnx/encoder_model.onnx"], File.ReadAllBytes(Path.Combine(snapshot, "onnx", "encoder_model.onnx")));
        Assert.All(CacheVerifier.Verify(CacheDirectory, new RepoId("Xenova", "opus-mt-ar-en")), check => Assert.Equal(FileCheckOutcome.Ok, check.Outcome));
        Assert.DoesNotContain(Hub.Requests, r => r.Path.EndsWith("decoder_model_merged.onnx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_dropped_mid_file_is_resumed_with_a_range_request()
    {
        Hub.DropAfterBytes["onnx/decoder_model_merged.onnx"] = 300_000;

        var snapshot = ModelResolver.Pull(RepoId, Options());

        AssertSnapshotHolds(snapshot, Fp32Files);
        var downloads = Hub.CdnDownloads("onnx/decoder_model_merged.onnx").ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Null(downloads[0].Range);
        Assert.Equal("bytes=300000-", downloads[1].Range);
    }

    [Fact]
    public void A_partial_download_left_by_an_earlier_run_is_resumed()
    {
        var encoder = Repo.Files["onnx/encoder_model.onnx"];
        Directory.CreateDirectory(Path.Combine(RepoFolder, "blobs"));
        File.WriteAllBytes(BlobPath("onnx/encoder_model.onnx") + ".incomplete", encoder[..50_000]);

        var snapshot = ModelResolver.Pull(RepoId, Options());

        AssertSnapshotHolds(snapshot, Fp32Files);
        Assert.Equal("bytes=50000-", Assert.Single(Hub.CdnDownloads("onnx/encoder_model.onnx")).Range);
        Assert.Contains(Observer.Notes, n => n.StartsWith("resuming onnx/encoder_model.onnx", StringComparison.Ordinal));
    }

    [Fact]
    public void Transient_hub_errors_are_retried()
    {
        Hub.Unavailable["config.json"] = 2;

        AssertSnapshotHolds(ModelResolver.Pull(RepoId, Options()), Fp32Files);
    }

    [Fact]
    public void Bytes_that_do_not_match_their_sha256_are_refused_and_nothing_of_them_is_kept()
    {
        Hub.Corrupted["onnx/encoder_model.onnx"] = true;

        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(RepoId, Options()));

        Assert.Contains("onnx/encoder_model.onnx", error.Message);
        Assert.Contains($"SHA-256 {Repo.EtagOf("onnx/encoder_model.onnx")}", error.Message);
        Assert.False(File.Exists(BlobPath("onnx/encoder_model.onnx")));
        Assert.False(File.Exists(BlobPath("onnx/encoder_model.onnx") + ".incomplete"));
        Assert.False(File.Exists(Path.Combine(SnapshotFolder, "onnx", "encoder_model.onnx")));
        Assert.False(File.Exists(Path.Combine(RepoFolder, "refs", "main")));
        Assert.Null(CachedModels.FindSnapshot(CacheDirectory, ModelResolver.RepoFor(RepoId), "main", ModelDtype.Fp32));
    }

    [Fact]
    public void A_q8_pull_takes_the_quantized_files_and_reuses_blobs_already_cached()
    {
        ModelResolver.Pull(RepoId, Options());
        Hub.Requests.Clear();

        var snapshot = ModelResolver.Pull(RepoId, Options(ModelDtype.Q8));

        Assert.Contains("onnx/encoder_model_quantized.onnx", SnapshotPaths(snapshot));
        Assert.Contains("onnx/decoder_model_merged_quantized.onnx", SnapshotPaths(snapshot));
        Assert.DoesNotContain(Hub.Requests, r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dtype_the_repository_lacks_is_refused_naming_the_dtypes_it_has()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(RepoId, Options(ModelDtype.Q4)));

        Assert.Contains("onnx/encoder_model_q4.onnx", error.Message);
        Assert.Contains("dtypes it has: fp32, q8", error.Message);
    }

    [Fact]
    public async Task Two_pulls_of_one_model_at_once_download_each_blob_once_and_agree()
    {
        Hub.ChunkDelay = TimeSpan.FromMilliseconds(5);

        var pulls = await Task.WhenAll(Task.Run(() => ModelResolver.Pull(RepoId, Options())), Task.Run(() => ModelResolver.Pull(RepoId, Options())));

        Assert.All(pulls, snapshot => AssertSnapshotHolds(snapshot, Fp32Files));
        Assert.All(Fp32Files.Where(FakeRepo.IsLfs), path => Assert.Single(Hub.CdnDownloads(path)));
    }
}
