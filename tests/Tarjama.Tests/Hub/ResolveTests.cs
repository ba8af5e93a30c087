using Tarjama.Models;
using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

public sealed class ResolveTests : HubTestBed
{
    [Fact]
    public void A_folder_is_used_as_it_is()
    {
        Assert.Equal(Path.GetFullPath(FakeRepo.FixtureFolder), ModelResolver.ResolveModelDirectory(FakeRepo.FixtureFolder, Options()));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void A_catalogue_name_not_yet_cached_is_pulled_on_first_use_and_then_served_from_the_cache()
    {
        var first = ModelResolver.ResolveModelDirectory("opus-mt-ar-en", Options());
        Hub.Requests.Clear();
        var second = ModelResolver.ResolveModelDirectory("opus-mt-ar-en", Options());

        Assert.Equal(SnapshotFolder, first);
        Assert.Equal(first, second);
        Assert.Empty(Hub.Requests);
        Assert.Contains(Observer.Notes, n => n.Contains("not in the cache yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Offline_and_not_cached_says_so_and_how_to_pull()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.ResolveModelDirectory("opus-mt-ar-en", Options(ModelDtype.Q8, offline: true)));

        Assert.Contains("offline mode is on (HF_HUB_OFFLINE)", error.Message);
        Assert.Contains("`tarjama models pull opus-mt-ar-en --dtype q8`", error.Message);
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void Offline_and_cached_uses_the_cache_for_resolve_and_pull_without_the_network()
    {
        ModelResolver.Pull(RepoId, Options());
        Hub.Requests.Clear();

        Assert.Equal(SnapshotFolder, ModelResolver.ResolveModelDirectory(RepoId, Options(offline: true)));
        Assert.Equal(SnapshotFolder, ModelResolver.Pull(RepoId, Options(offline: true)));
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void A_cache_written_by_huggingface_hub_is_reused_without_the_network()
    {
        var written = PythonStyleCache.Write(CacheDirectory, Repo, Repo.Commit, Fp32Files);
        var unreachable = Options() with { Hub = new HubSettings { CacheDirectory = CacheDirectory, Endpoint = new Uri("http://127.0.0.1:9") } };

        var snapshot = ModelResolver.ResolveModelDirectory("Xenova/opus-mt-ar-en", unreachable);

        Assert.Equal(written, snapshot);
        AssertSnapshotHolds(snapshot, Fp32Files);
        Assert.All(CacheVerifier.Verify(CacheDirectory, ModelResolver.RepoFor(RepoId)), c => Assert.Equal(FileCheckOutcome.Ok, c.Outcome));
    }

    [Fact]
    public void A_cache_written_by_huggingface_hub_is_completed_by_a_pull_without_downloading_what_it_has()
    {
        PythonStyleCache.Write(CacheDirectory, Repo, Repo.Commit, Fp32Files.Where(p => p != "onnx/decoder_model_merged.onnx"));

        AssertSnapshotHolds(ModelResolver.Pull(RepoId, Options()), Fp32Files);
        Assert.Equal("onnx/decoder_model_merged.onnx", Assert.Single(Hub.Requests, r => r.Method == "GET" && r.Path.StartsWith("/cdn/", StringComparison.Ordinal)).Path.Split('/', 5)[4]);
    }

    [Fact]
    public void Something_that_is_neither_a_folder_nor_a_model_name_is_refused_with_the_catalogue()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.ResolveModelDirectory("no-such-thing", Options()));

        Assert.Contains("opus-mt-ar-en, opus-mt-en-ar", error.Message);
    }

    [Fact]
    public void A_path_to_a_missing_folder_is_reported_as_a_missing_folder() =>
        Assert.Equal(
            "model folder './models/opus' does not exist",
            Assert.Throws<TarjamaException>(() => ModelResolver.ResolveModelDirectory("./models/opus", Options())).Message);

    [Fact]
    public void A_revision_that_would_leave_the_refs_folder_is_refused()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.ResolveModelDirectory(RepoId, Options() with { Revision = "../../etc" }));

        Assert.Contains("not a revision name", error.Message);
    }
}
