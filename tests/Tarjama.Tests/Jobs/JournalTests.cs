using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Tests.Documents;

namespace Tarjama.Tests.Jobs;

/// <summary>The journal and the jobs over it, with a stand-in engine that records what it is asked.</summary>
public sealed class JournalTests : TempFolderTest
{
    [Fact]
    public void A_second_run_over_the_same_journal_sends_the_engine_nothing()
    {
        var path = Path.Combine(Folder, "j.sqlite");
        string[] inputs = ["قال الرئيس", "وأضاف", "قال الرئيس", "مستعدة"];
        var first = new LatinizingTranslator();
        using (var journal = new TranslationJournal(path))
        {
            var journaled = new JournaledTranslator(first, journal, "model-a", chunkSegments: 2);
            Assert.Equal(inputs.Select(LatinizingTranslator.Latinize), journaled.Translate(inputs));
            Assert.Equal((3L, 0L), (journaled.Translated, journaled.Reused));
            Assert.Equal([2, 1], first.Calls.Select(call => call.Count));
        }
        var again = new LatinizingTranslator();
        using (var journal = new TranslationJournal(path))
        {
            var journaled = new JournaledTranslator(again, journal, "model-a", chunkSegments: 2);
            Assert.Equal(inputs.Select(LatinizingTranslator.Latinize), journaled.Translate(inputs));
            Assert.Empty(again.Calls);
            Assert.Equal(3L, journaled.Reused);
            Assert.Equal(3L, journal.Count);
        }
    }

    [Fact]
    public void Another_model_fingerprint_does_not_reuse_a_translation()
    {
        using var journal = new TranslationJournal(Path.Combine(Folder, "j.sqlite"));
        new JournaledTranslator(new LatinizingTranslator(), journal, "model-a", 8).Translate(["قال"]);
        var other = new LatinizingTranslator();
        new JournaledTranslator(other, journal, "model-b", 8).Translate(["قال"]);
        Assert.Single(other.Calls);
        Assert.Equal(2L, journal.Count);
    }

    [Fact]
    public void Recording_a_translation_twice_keeps_the_first()
    {
        using var journal = new TranslationJournal(Path.Combine(Folder, "j.sqlite"));
        journal.Record([KeyValuePair.Create("k", "one")]);
        journal.Record([KeyValuePair.Create("k", "two")]);
        Assert.Equal("one", journal.Find(["k", "absent"]).Single().Value);
    }

    [Fact]
    public void A_file_that_is_not_a_journal_is_a_clear_error()
    {
        var path = Path.Combine(Folder, "not.sqlite");
        File.WriteAllText(path, new string('x', 4096));
        var error = Assert.Throws<TarjamaException>(() => new TranslationJournal(path));
        Assert.Contains("cannot open the translation journal", error.Message);
    }

    [Fact]
    public void A_job_merges_outputs_by_key_into_what_the_document_translator_writes()
    {
        const string markdown = "# عنوان\n\nقال الرئيس. قال الرئيس.\n\n- وأضاف أن موسكو مستعدة\n";
        var job = TranslationJob.Extract(markdown, DocumentFormat.Markdown, "ar", "en", "model-a");
        Assert.Equal(4, job.Segments);
        Assert.Equal(3, job.Inputs.Count);
        var merged = job.Merge(job.Inputs.ToDictionary(input => input.Key, input => LatinizingTranslator.Latinize(input.Value)));
        Assert.Equal(new DocumentTranslator(new LatinizingTranslator()).Translate(markdown, DocumentFormat.Markdown), merged);
        var incomplete = TranslationJob.Extract(markdown, DocumentFormat.Markdown, "ar", "en", "model-a");
        Assert.Throws<ArgumentException>(() => incomplete.Merge(new Dictionary<string, string>()));
    }
}
