using Tarjama.Hub;

namespace Tarjama.Tests.Hub;

public sealed class HubSettingsTests
{
    private static readonly string Home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    [Fact]
    public void With_nothing_set_it_uses_huggingface_hubs_defaults()
    {
        var settings = From();

        Assert.Equal(Path.Combine(Home, ".cache", "huggingface", "hub"), settings.CacheDirectory);
        Assert.Equal(new Uri("https://huggingface.co"), settings.Endpoint);
        Assert.Null(settings.Token);
        Assert.False(settings.Offline);
    }

    [Theory]
    [InlineData("HF_HOME", "/data/hf", "/data/hf/hub")]
    [InlineData("XDG_CACHE_HOME", "/data/xdg", "/data/xdg/huggingface/hub")]
    [InlineData("HF_HUB_CACHE", "/data/hub", "/data/hub")]
    [InlineData("HUGGINGFACE_HUB_CACHE", "/data/old", "/data/old")]
    public void The_cache_folder_follows_the_hubs_variables(string variable, string value, string expected) =>
        Assert.Equal(expected, From((variable, value)).CacheDirectory);

    [Fact]
    public void HF_HUB_CACHE_wins_over_HF_HOME_and_a_tilde_means_home() =>
        Assert.Equal(Home + "/hub-cache", From(("HF_HOME", "/data/hf"), ("HF_HUB_CACHE", "~/hub-cache")).CacheDirectory);

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void HF_HUB_OFFLINE_is_read_as_huggingface_hub_reads_it(string value, bool offline) =>
        Assert.Equal(offline, From(("HF_HUB_OFFLINE", value)).Offline);

    [Fact]
    public void HF_ENDPOINT_and_HF_TOKEN_are_taken_as_given()
    {
        var settings = From(("HF_ENDPOINT", "https://mirror.example/hf/"), ("HF_TOKEN", " hf_abc "));

        Assert.Equal("https://mirror.example/hf", settings.Endpoint.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("hf_abc", settings.Token);
    }

    [Fact]
    public void Without_HF_TOKEN_the_token_saved_by_hf_auth_login_is_used()
    {
        var home = Directory.CreateTempSubdirectory("tarjama-hf-home-");
        try
        {
            File.WriteAllText(Path.Combine(home.FullName, "token"), "hf_saved\n");

            Assert.Equal("hf_saved", From(("HF_HOME", home.FullName)).Token);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_HF_ENDPOINT_that_is_not_an_http_address_is_refused() =>
        Assert.Contains("HF_ENDPOINT 'ftp://x'", Assert.Throws<TarjamaException>(() => From(("HF_ENDPOINT", "ftp://x"))).Message);

    private static HubSettings From(params (string Name, string Value)[] variables) =>
        HubSettings.FromVariables(name => variables.FirstOrDefault(v => v.Name == name).Value);
}
