namespace Tarjama.Tests.Cli;

/// <summary>A generation_config.json value out of range is reported with the file it is in, so a user who gave no
/// option at all knows where to look; before, "beams must be between 1 and 64 (got 0)" named nothing, and an
/// early_stopping the engine does not know was silently taken for false.</summary>
public class GenerationConfigCliTests
{
    [Theory]
    [InlineData("{\"num_beams\": 0}", "generation_config.json: beams must be between 1 and 64 (got 0)")]
    [InlineData("{\"max_new_tokens\": 100000000}", "generation_config.json: max new tokens must be between 1 and 4095 (got 100000000)")]
    [InlineData("{\"num_beams\": 2, \"early_stopping\": \"sometimes\"}", "generation_config.json: early_stopping takes true, false or \"never\" (got \"sometimes\")")]
    public void A_bad_value_names_the_file(string generationConfig, string expected)
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel);
        File.WriteAllText(model.File("generation_config.json"), generationConfig);
        var result = CliRunner.Run("مرحبا\n", "translate", "-m", model.Path, "--sentences", "--max-new-tokens", "4");
        TranslateSentencesCliTests.AssertOneErrorLine(result, model.File(expected));
    }
}
