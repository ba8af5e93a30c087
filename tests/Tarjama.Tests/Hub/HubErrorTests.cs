using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

public sealed class HubErrorTests : HubTestBed
{
    [Fact]
    public void An_unknown_repository_is_reported_as_not_found()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull("nobody/missing-model", Options()));

        Assert.StartsWith("repository nobody/missing-model was not found on 127.0.0.1:", error.Message);
        Assert.False(Directory.Exists(Path.Combine(CacheDirectory, "models--nobody--missing-model", "snapshots")));
    }

    [Fact]
    public void An_unknown_revision_is_reported_as_such()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(RepoId, Options() with { Revision = "v9" }));

        Assert.StartsWith("Xenova/opus-mt-ar-en has no revision 'v9'", error.Message);
    }

    [Fact]
    public void A_gated_repository_without_a_token_says_to_accept_its_conditions_and_set_HF_TOKEN()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(GatedRepoId, Options()));

        Assert.StartsWith($"{GatedRepoId} is gated: accept its conditions at {Hub.Endpoint}{GatedRepoId}, then set HF_TOKEN", error.Message);
    }

    [Fact]
    public void A_gated_repository_with_a_wrong_token_says_the_token_has_no_access()
    {
        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(GatedRepoId, Options(token: "hf_wrong")));

        Assert.StartsWith($"{GatedRepoId} is gated and the token in HF_TOKEN has no access to it", error.Message);
    }

    [Fact]
    public void A_gated_repository_with_its_token_is_pulled_and_the_token_never_reaches_the_cdn()
    {
        var snapshot = ModelResolver.Pull(GatedRepoId, Options(token: GatedToken));

        Assert.True(File.Exists(Path.Combine(snapshot, "onnx", "encoder_model.onnx")));
        Assert.All(Hub.Requests.Where(r => !r.Path.StartsWith("/cdn/", StringComparison.Ordinal)), r => Assert.Equal($"Bearer {GatedToken}", r.Authorization));
        Assert.All(Hub.Requests.Where(r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal)), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public void An_endpoint_that_cannot_be_reached_is_reported_after_retries()
    {
        var unreachable = Options() with { Hub = new HubSettings { CacheDirectory = CacheDirectory, Endpoint = new Uri("http://127.0.0.1:9") } };

        var error = Assert.Throws<TarjamaException>(() => ModelResolver.Pull(RepoId, unreachable));

        Assert.StartsWith("could not reach the Hub at http://127.0.0.1:9/", error.Message);
        Assert.Contains("HF_HUB_OFFLINE=1", error.Message);
    }
}
