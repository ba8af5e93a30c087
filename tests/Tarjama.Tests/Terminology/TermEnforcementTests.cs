using System.Text.Json;
using Tarjama.Decoding;
using Tarjama.Documents;
using Tarjama.Terminology;
using Tarjama.Translation;

namespace Tarjama.Tests.Terminology;

/// <summary>The real engine on the fixture model, with the seed article's glossary: every segment that holds a term
/// (plain or with clitics) comes out with its target, at 1 and 4 beams, batch 1 and 8, in every document format;
/// segments without terms come out exactly as without the glossary.</summary>
public class TermEnforcementTests
{
    private static readonly Glossary Seed = GlossaryReader.Load([Fixtures.Path("terminology", "syria.ar-en.tsv")], "ar", "en");

    private static readonly string[] Paragraphs =
    [
        .. Fixtures.DocumentLines("syria-russia-visit.ar.txt").Skip(8).Take(4),
        "وقال والشرع إن قاعدة بحميميم ستبقى، فالشرع يريد ذلك.",
        "زار أسعد الشيباني طرطوس واللاذقية أمس.",
        "وقال بوتين إن التعاون سيجلب نتائج جيدة.",
    ];

    private static Translator Load(int beams, int batch, int maxNewTokens = 80) =>
        Translator.Load(Fixtures.Path("models", "tiny-ar-en"), new TranslatorOptions
        {
            BatchSize = batch,
            Generation = new GenerationOverrides { NumBeams = beams, MaxNewTokens = maxNewTokens },
        });

    private static string Document(DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => "# " + string.Join("\n\n", Paragraphs) + "\n",
        DocumentFormat.Html => "<html><body><h1>" + Paragraphs[0] + "</h1>" + string.Concat(Paragraphs.Skip(1).Select(p => $"<p>{p.Replace("بحميميم", "<b>بحميميم</b>", StringComparison.Ordinal)}</p>")) + "</body></html>",
        _ => string.Join("\n", Paragraphs) + "\n",
    };

    [Theory]
    [InlineData(1, 1, DocumentFormat.Text)]
    [InlineData(1, 8, DocumentFormat.Text)]
    [InlineData(4, 1, DocumentFormat.Text)]
    [InlineData(4, 8, DocumentFormat.Text)]
    [InlineData(1, 8, DocumentFormat.Markdown)]
    [InlineData(4, 8, DocumentFormat.Markdown)]
    [InlineData(1, 1, DocumentFormat.Html)]
    [InlineData(4, 8, DocumentFormat.Html)]
    public void Every_segment_with_a_term_comes_out_with_its_target(int beams, int batch, DocumentFormat format)
    {
        using var engine = Load(beams, batch);
        var matcher = new TermMatcher(Seed);
        var documents = new DocumentTranslator(new GlossaryTranslator(engine, matcher), new DocumentTranslationOptions { Bilingual = BilingualFormat.Jsonl });
        var pairs = documents.Translate(Document(format), format).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).Select(r => (Source: r.GetProperty("source").GetString()!, Target: r.GetProperty("target").GetString()!)).ToList();
        var expected = pairs.SelectMany(p => matcher.Match(p.Source).Select(m => (p.Source, p.Target, Term: m.Entry.Target))).ToList();
        Assert.True(expected.Count >= 10, $"the document must hold terms; found {expected.Count}");
        Assert.All(expected, e => Assert.Contains(e.Term, e.Target, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Segments_without_terms_decode_exactly_as_without_a_glossary(int beams)
    {
        using var engine = Load(beams, 8);
        var matcher = new TermMatcher(Seed);
        var sources = Fixtures.DocumentLines("syria-russia-visit.ar.txt").Take(12).ToList();
        var withTerms = engine.TranslateDetailed(sources, [.. sources.Select(matcher.Match)]);
        var without = engine.TranslateDetailed(sources);
        var plain = Enumerable.Range(0, sources.Count).Where(i => matcher.Match(sources[i]).Count == 0).ToList();
        Assert.True(plain.Count >= 6 && plain.Count < sources.Count, "the batch must mix segments with and without terms");
        Assert.All(plain, i => Assert.Equal(without[i].TokenIds, withTerms[i].TokenIds));
        Assert.All(Enumerable.Range(0, sources.Count).Except(plain), i => Assert.All(matcher.Match(sources[i]), m => Assert.Contains(m.Entry.Target, withTerms[i].Translation, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Terms_fit_when_the_model_may_write_only_a_few_tokens(int beams)
    {
        using var engine = Load(beams, 1, maxNewTokens: 50); // the three terms' 24 pieces: all the room terms may take
        var matcher = new TermMatcher(Seed);
        string source = "زار أسعد الشيباني طرطوس واللاذقية أمس.";
        var result = engine.TranslateDetailed([source], [matcher.Match(source)])[0];
        Assert.All(new[] { "Asaad al-Shibani", "Tartus", "Latakia" }, term => Assert.Contains(term, result.Translation, StringComparison.Ordinal));
        Assert.InRange(result.TokenIds.Length, 24, 50);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_term_is_written_even_where_a_processor_rules_its_pieces_out(int beams)
    {
        // No 1-gram may repeat, yet "Hmeimim" repeats its pieces "m" and "i": they come at a heavy, finite cost.
        using var engine = Translator.Load(Fixtures.Path("models", "tiny-ar-en"), new TranslatorOptions
        {
            Generation = new GenerationOverrides { NumBeams = beams, MaxNewTokens = 40, NoRepeatNgramSize = 1 },
        });
        var matcher = new TermMatcher(Seed);
        string source = "في قاعدة بحميميم الجوية";
        var result = engine.TranslateDetailed([source], [matcher.Match(source)])[0];
        Assert.Contains("Hmeimim", result.Translation, StringComparison.Ordinal);
        Assert.True(result.Score is double score && double.IsFinite(score), $"score {result.Score}");
    }

    [Fact]
    public void A_do_not_translate_entry_keeps_the_source_term()
    {
        using var engine = Translator.Load(Fixtures.Path("models", "tiny-en-ar"), new TranslatorOptions { Generation = new GenerationOverrides { MaxNewTokens = 30 } });
        var matcher = new TermMatcher(Glossary.Create("en", [new GlossaryEntry("Telma", "Telma"), new GlossaryEntry("Hmeimim", "حميميم")]));
        string source = "Another poll by the Macedonian channel Telma found support near the Hmeimim base.";
        var translation = new GlossaryTranslator(engine, matcher).Translate([source])[0];
        Assert.Contains("Telma", translation, StringComparison.Ordinal);
        Assert.Contains("حميميم", translation, StringComparison.Ordinal);
    }
}
