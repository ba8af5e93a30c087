using System.Text.Json.Nodes;
using Tarjama.Models;
using Tarjama.Translation;

namespace Tarjama.Tests.Engine;

/// <summary>The family layer: config.json picks the family, special ids come from the configs (as tc-big's do), and
/// what the engine cannot run exactly is refused with the file and key named.</summary>
public class ModelFamilyTests
{
    [Fact]
    public void Marian_end_of_sentence_and_decoder_start_come_from_the_configs()
    {
        // tc-big-ar-en's shape of config: eos and decoder start (= pad) are not where base OPUS-MT has them.
        using var model = new ModelCopy(Fixtures.ReferenceModel, "generation_config.json");
        var config = JsonNode.Parse(File.ReadAllText(model.File("config.json")))!;
        config["eos_token_id"] = 7;
        config["pad_token_id"] = 9;
        config["decoder_start_token_id"] = 9;
        File.WriteAllText(model.File("config.json"), config.ToJsonString());
        using var translator = Translator.Load(model.Path);
        Assert.Equal("marian", translator.Family.Name);
        Assert.Equal(7, translator.Family.Ids.Eos);
        Assert.Equal([9], translator.Family.DecoderPrefix(translator.Family.DefaultPair));
        Assert.Equal(7, translator.Family.Encode("مرحبا")[^1]);
        Assert.Equal([7], translator.Settings.EosTokenIds);
    }

    [Fact]
    public void Separate_vocabularies_are_refused_clearly()
    {
        using var model = new ModelCopy(Fixtures.ReferenceModel);
        var config = JsonNode.Parse(File.ReadAllText(model.File("config.json")))!;
        config["separate_vocabs"] = true;
        File.WriteAllText(model.File("config.json"), config.ToJsonString());
        Assert.Contains("separate_vocabs true", Assert.Throws<TarjamaException>(() => Translator.Load(model.Path)).Message);
    }

    [Fact]
    public void Nllb_frames_the_source_with_its_language_and_forces_the_target_language()
    {
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"));
        var family = translator.Family;
        Assert.Equal(new LanguagePair("arb_Arab", "eng_Latn"), family.DefaultPair);
        Assert.Equal(("ar", "en"), (translator.SourceLanguage, translator.TargetLanguage));
        var pair = family.Resolve("en", "ary");
        var input = family.Encode("hello", pair);
        Assert.Equal(family.Encode("eng_Latn", pair).Pieces, input.Before);
        Assert.Equal([family.Ids.Eos], input.After);
        Assert.Equal([family.Ids.DecoderStart, family.Encode("ary_Arab", pair).Pieces[0]], family.DecoderPrefix(pair));
    }

    [Fact]
    public void A_bound_translator_translates_with_its_call_s_pair()
    {
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"), new TranslatorOptions { Generation = new() { MaxNewTokens = 6 } });
        var bound = translator.With(new TranslationOptions { SourceLanguage = "en", TargetLanguage = "ar" });
        Assert.Equal(("en", "ar"), (bound.SourceLanguage, bound.TargetLanguage));
        var direct = translator.TranslateDetailed(["good morning"], new TranslationOptions { SourceLanguage = "eng_Latn", TargetLanguage = "arb_Arab" });
        Assert.Equal(direct[0].Translation, bound.Translate(["good morning"])[0]);
    }

    [Fact]
    public async Task Translating_asynchronously_can_be_cancelled()
    {
        using var translator = Translator.Load(Fixtures.Path("models", "tiny-nllb"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => translator.TranslateAsync(["مرحبا"], null, cancel.Token));
    }
}
