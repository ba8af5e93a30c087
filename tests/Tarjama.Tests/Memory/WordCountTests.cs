using Microsoft.Data.Sqlite;
using Tarjama.Memory;

namespace Tarjama.Tests.Memory;

/// <summary>The word counts fuzzy lookups choose their query words by: one per entry holding the word, kept on add, and
/// made once for a memory file written before they were kept.</summary>
public sealed class WordCountTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("tarjama-words-").FullName, "desk.tm");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    private Dictionary<string, long> Counts(string sql = "SELECT word, entries FROM word_counts")
    {
        using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Each_new_key_counts_its_words_once_and_a_newer_pair_for_a_stored_key_counts_nothing()
    {
        using (var memory = TranslationMemory.Open(_file, create: true))
        {
            memory.Add([("وصل الوزير إلى دمشق.", "The minister arrived in Damascus."), ("غادر الوزير دمشق.", "The minister left Damascus.")], "ar", "en");
            memory.Add([("وصل الوزير إلى دمشق.", "The minister reached Damascus.")], "ar", "en");
        }
        var counts = Counts();
        Assert.Equal((2, 2, 1, 1), (counts["الوزير"], counts["دمشق"], counts["وصل"], counts["غادر"]));
        Assert.DoesNotContain(".", counts.Keys);
    }

    [Fact]
    public void A_memory_made_before_the_counts_gets_them_when_opened_and_finds_fuzzy_matches()
    {
        using (var memory = TranslationMemory.Open(_file, create: true))
        {
            memory.Add([("وصل الوزير إلى دمشق صباح اليوم.", "The minister arrived in Damascus this morning.")], "ar", "en");
        }
        var kept = Counts();
        Execute("DELETE FROM word_counts; PRAGMA user_version = 0;");
        Assert.Empty(Counts());
        using (var memory = TranslationMemory.Open(_file, create: false))
        {
            Assert.Equal(kept, Counts());
            Assert.Equal(1 - 1.0 / 7, Assert.Single(memory.Lookup("وصل الوزير إلى حلب صباح اليوم.", "ar", "en", 0.75)).Score, 4);
        }
    }
}
