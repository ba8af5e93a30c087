using Tarjama.Engine;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>The sessions of one process share the runtime's intra-op pool (created here by the test module's
/// initializer, one thread a core); an engine asking another thread count gets pools of its own, and either way the
/// translations are the same.</summary>
public sealed class OnnxEnvironmentTests
{
    [Fact]
    public void Engines_of_the_pools_thread_count_share_it_and_others_translate_the_same_on_pools_of_their_own()
    {
        Assert.True(OnnxEnvironment.SharesPool(Environment.ProcessorCount));
        Assert.False(OnnxEnvironment.SharesPool(Environment.ProcessorCount + 1));
        string[] sources = ["مرحبا بالعالم", "قال الرئيس إن الاقتصاد ينمو."];
        int[][] Ids(int threads)
        {
            using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"), new TranslatorOptions
            {
                Engine = new EngineOptions { Threads = threads },
                Generation = new() { MaxNewTokens = 12 },
            });
            return [.. translator.TranslateDetailed(sources).Select(result => result.TokenIds)];
        }
        var shared = Ids(0);
        Assert.All(shared, ids => Assert.NotEmpty(ids));
        Assert.Equal(shared, Ids(Environment.ProcessorCount + 1));
    }
}
