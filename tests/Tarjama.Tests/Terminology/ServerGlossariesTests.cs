using System.CommandLine;
using Tarjama.Cli;
using Tarjama.Tests.Documents;

namespace Tarjama.Tests.Terminology;

public class ServerGlossariesTests
{
    private static readonly string Seed = Fixtures.Path("terminology", "syria.ar-en.tsv");

    private static IReadOnlyDictionary<string, Tarjama.Terminology.Glossary> Read(params string[] args)
    {
        var command = new Command("serve");
        var option = ServerGlossaries.AddTo(command);
        var parse = command.Parse(args);
        return ServerGlossaries.Read(parse, option, [new FunctionTranslator(s => s, "ar", "en"), new FunctionTranslator(s => s, "en", "ar")]);
    }

    [Fact]
    public void A_pair_names_the_direction_a_file_serves()
    {
        var glossaries = Read("--glossary", $"ar-en={Seed}");
        Assert.Equal(["ar-en"], glossaries.Keys);
        Assert.Equal(5, glossaries["ar-en"].Entries.Count);
    }

    [Fact]
    public void A_file_without_a_pair_serves_every_direction() =>
        Assert.Equal(["ar-en", "en-ar"], Read("--glossary", Seed).Keys.Order());

    [Fact]
    public void A_pair_no_model_serves_is_an_error() =>
        Assert.Equal($"--glossary fr-en={Seed}: no model serves fr-en", Assert.Throws<TarjamaException>(() => Read("--glossary", $"fr-en={Seed}")).Message);
}
