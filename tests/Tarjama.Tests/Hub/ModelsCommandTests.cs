namespace Tarjama.Tests.Hub;

/// <summary>The <c>models</c> commands run in-process against the fake hub and this test's own cache.</summary>
public sealed class ModelsCommandTests : HubTestBed
{
    [Fact]
    public void List_shows_the_catalogue_and_what_is_on_disk()
    {
        var before = Run("models", "list");
        Run("models", "pull", "opus-mt-ar-en", "--dtype", "q8");
        var after = Run("models", "list");

        Assert.Equal(0, before.ExitCode);
        Assert.Matches(@"opus-mt-ar-en\s+Xenova/opus-mt-ar-en\s+ar→en\s+≈440 MB fp32, ≈115 MB q8\s+Apache-2.0\s+-\n", before.Output);
        Assert.Matches(@"opus-mt-en-ar\s+Xenova/opus-mt-en-ar\s+en→ar", before.Output);
        Assert.Contains($"cache: {CacheDirectory}", before.Output);
        Assert.Matches(@"opus-mt-ar-en .*Apache-2.0\s+q8 \(\d+\.\d [kM]B\)\n", after.Output);
    }

    [Fact]
    public void Pull_prints_the_snapshot_folder_and_reports_each_file_on_stderr()
    {
        var pull = Run("models", "pull", RepoId);

        Assert.Equal(0, pull.ExitCode);
        Assert.Equal(SnapshotFolder, pull.Output.Trim());
        Assert.Contains($"pulling {RepoId} fp32 at main ({Repo.Commit[..7]})", pull.Error);
        Assert.Contains("  onnx/encoder_model.onnx (423.0 kB)", pull.Error);
        AssertSnapshotHolds(SnapshotFolder, Fp32Files);
    }

    [Fact]
    public void Pull_of_an_unknown_repository_fails_as_a_user_error() =>
        Assert.Equal(2, Run("models", "pull", "nobody/missing").ExitCode);

    [Fact]
    public void Pull_refuses_an_unknown_dtype()
    {
        var pull = Run("models", "pull", RepoId, "--dtype", "fp8");

        Assert.NotEqual(0, pull.ExitCode);
        Assert.Empty(Hub.Requests);
    }

    [Fact]
    public void Verify_passes_a_sound_cache_and_names_a_damaged_file()
    {
        Run("models", "pull", RepoId);
        var sound = Run("models", "verify");
        File.WriteAllText(BlobPath("tokenizer.json"), "{}");
        var damaged = Run("models", "verify", "opus-mt-ar-en");

        Assert.Equal(0, sound.ExitCode);
        Assert.Equal($"{RepoId}: 10 of 10 files OK", sound.Output.Trim());
        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains($"  DAMAGED tokenizer.json ({Repo.Commit[..7]}): git blob SHA-1 is ", damaged.Output);
    }

    [Theory]
    [InlineData("garbage", "  BROKENREF refs/main (none): holds 'garbage', not a commit hash")]
    [InlineData("fedcba9876543210fedcba9876543210fedcba98", "  BROKENREF refs/main (fedcba9): points at commit fedcba9876543210fedcba9876543210fedcba98, which has no snapshot folder")]
    public void Verify_fails_on_a_ref_that_leads_to_no_snapshot(string reference, string expected)
    {
        // Every file sound, but the model cannot be found offline: before, verify said "10 of 10 files OK", exit 0.
        Run("models", "pull", RepoId);
        File.WriteAllText(Path.Combine(RepoFolder, "refs", "main"), reference);

        var verify = Run("models", "verify", "opus-mt-ar-en");

        Assert.Equal(1, verify.ExitCode);
        Assert.Equal([$"{RepoId}: 10 of 11 files OK", expected], verify.Output.Trim().Split('\n'));
    }

    [Fact]
    public void Rm_removes_a_model_and_refuses_one_not_cached()
    {
        Run("models", "pull", "opus-mt-ar-en");

        var removed = Run("models", "rm", "opus-mt-ar-en");

        Assert.Equal(0, removed.ExitCode);
        Assert.StartsWith($"removed {RepoId} (", removed.Output);
        Assert.False(Directory.Exists(RepoFolder));
        Assert.Equal(2, Run("models", "rm", "opus-mt-ar-en").ExitCode);
    }

    private (int ExitCode, string Output, string Error) Run(params string[] args) => ModelsCli.Run(() => Settings(), args);
}
