using Microsoft.Data.Sqlite;
using Tarjama.Text;

namespace Tarjama.Memory;

/// <summary>A translation memory in SQLite: approved translations by key (<see cref="MemoryKey"/>), a full-text index
/// of the keys to find fuzzy candidates fast, any number of language pairs in one file. Safe to share between threads.</summary>
public sealed class TranslationMemory : IDisposable
{
    private const int FuzzyCandidates = 40;
    private const int QueryWords = 4;
    private const int CommonWord = 1000; // entries holding a word beyond which it is left out of the query, rarer ones kept
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private TranslationMemory(SqliteConnection connection, string name) => (_connection, Name) = (connection, name);

    /// <summary>The file the memory is in, or the file it was read from.</summary>
    public string Name { get; }

    /// <summary>Opens the memory in the SQLite file at <paramref name="path"/>, creating it when <paramref name="create"/>.</summary>
    /// <exception cref="TarjamaException">No such file (and not <paramref name="create"/>), or not a Tarjama memory.</exception>
    public static TranslationMemory Open(string path, bool create)
    {
        if (!create && !File.Exists(path))
        {
            throw new TarjamaException($"{path}: no such translation memory (tarjama tm add creates one)");
        }
        return Connect(new SqliteConnectionStringBuilder { DataSource = path, Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite }.ToString(), path);
    }

    /// <summary>Opens the memory at <paramref name="path"/> for lookups and exports only: nothing is written to it, so a
    /// read-only file or folder (a container's read-only volume) serves as well. A file made before the word counts
    /// gets them first, which needs it writable that once.</summary>
    /// <exception cref="TarjamaException">No such file, not a Tarjama memory, or an old one that cannot be written.</exception>
    public static TranslationMemory OpenToRead(string path)
    {
        if (!File.Exists(path))
        {
            throw new TarjamaException($"{path}: no such translation memory (tarjama tm add creates one)");
        }
        var memory = ConnectToRead(path);
        if (memory.UpToDate)
        {
            return memory;
        }
        memory.Dispose();
        try
        {
            Open(path, create: false).Dispose();
        }
        catch (TarjamaException e)
        {
            throw new TarjamaException($"{path}: made by an older Tarjama, and its word counts cannot be added here: make it writable once ({e.Message})", e);
        }
        return ConnectToRead(path);
    }

    /// <summary>A read-only connection. SQLite reads a memory (WAL mode) through a shared-memory file beside it; where
    /// that cannot be made or opened (a read-only volume, a folder the service may not write in), the file is opened as
    /// immutable, which it then is.</summary>
    private static TranslationMemory ConnectToRead(string path)
    {
        try
        {
            return Connect(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString(), path, readOnly: true);
        }
        catch (TarjamaException e) when (e.InnerException is SqliteException { SqliteErrorCode: ReadOnlyDatabase or CannotOpen })
        {
            string uri = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1";
            return Connect(new SqliteConnectionStringBuilder { DataSource = uri, Mode = SqliteOpenMode.ReadOnly }.ToString(), path, readOnly: true);
        }
    }

    private const int ReadOnlyDatabase = 8, CannotOpen = 14; // SQLITE_READONLY, SQLITE_CANTOPEN

    /// <summary>A memory held in memory only, e.g. for a TMX or JSONL file read at start-up.</summary>
    public static TranslationMemory InMemory(string name) => Connect("Data Source=:memory:", name);

    private static TranslationMemory Connect(string connectionString, string name, bool readOnly = false)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            if (readOnly)
            {
                Execute(connection, MemorySchema.Check);
            }
            else
            {
                Execute(connection, MemorySchema.Create);
                CountWordsOnce(connection);
            }
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new TarjamaException($"{name}: not a translation memory Tarjama can open ({e.Message})", e);
        }
        return new TranslationMemory(connection, name);
    }

    /// <summary>Whether the file has the word counts its lookups read (a file made before them gets them once).</summary>
    private bool UpToDate => Version(_connection) >= MemorySchema.Version;

    /// <summary>Stores approved pairs (a newer pair replaces an older one with the same key); returns how many.</summary>
    /// <exception cref="StoreException">The file cannot be written (another process writing it, its disk full, damaged).</exception>
    public int Add(IEnumerable<(string Source, string Target)> pairs, string sourceLanguage, string targetLanguage) => Use("write", () =>
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = _connection.CreateCommand();
            insert.CommandText = MemorySchema.Upsert;
            var parameters = new[] { "$sl", "$tl", "$key", "$source", "$target", "$masked" }.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
            using var stored = _connection.CreateCommand();
            stored.CommandText = MemorySchema.KeyStored;
            var storedParameters = new[] { "$sl", "$tl", "$key" }.Select(name => stored.Parameters.Add(name, SqliteType.Text)).ToArray();
            using var counter = new WordCounter(_connection);
            int added = 0;
            foreach (var (source, target) in pairs)
            {
                if (string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(target))
                {
                    continue;
                }
                var entry = MemoryPairs.Entry(source, target);
                object[] values = [Language(sourceLanguage), Language(targetLanguage), entry.Key, entry.Source, entry.Target, entry.Masked ? 1 : 0];
                for (int i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i];
                }
                for (int i = 0; i < storedParameters.Length; i++)
                {
                    storedParameters[i].Value = values[i];
                }
                // A new key adds its words' counts; a newer pair for a stored key keeps the key, so the counts stay.
                if (stored.ExecuteScalar() is null)
                {
                    counter.Count(entry.Key);
                }
                insert.ExecuteNonQuery();
                added++;
            }
            transaction.Commit();
            return added;
        }
    });

    /// <summary>The entry stored under <paramref name="key"/>, or null.</summary>
    internal MemoryEntry? Exact(string key, string sourceLanguage, string targetLanguage) => Use("read", () =>
    {
        lock (_lock)
        {
            using var query = _connection.CreateCommand();
            query.CommandText = "SELECT key, source, target, masked FROM entries WHERE source_lang = $sl AND target_lang = $tl AND key = $key";
            query.Parameters.AddWithValue("$sl", Language(sourceLanguage));
            query.Parameters.AddWithValue("$tl", Language(targetLanguage));
            query.Parameters.AddWithValue("$key", key);
            using var reader = query.ExecuteReader();
            return reader.Read() ? new MemoryEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0) : null;
        }
    });

    /// <summary>Entries whose keys share words with <paramref name="key"/>, best full-text rank first: candidates to score.</summary>
    internal List<MemoryEntry> Candidates(string key, string sourceLanguage, string targetLanguage) => Use("read", () =>
    {
        lock (_lock)
        {
            var words = RareWords(MemoryKey.IndexedWords(key));
            if (words.Count == 0)
            {
                return [];
            }
            using var query = _connection.CreateCommand();
            query.CommandText = MemorySchema.Candidates;
            query.Parameters.AddWithValue("$match", string.Join(" OR ", words));
            query.Parameters.AddWithValue("$limit", FuzzyCandidates);
            query.Parameters.AddWithValue("$sl", Language(sourceLanguage));
            query.Parameters.AddWithValue("$tl", Language(targetLanguage));
            using var reader = query.ExecuteReader();
            var entries = new List<MemoryEntry>();
            while (reader.Read())
            {
                entries.Add(new MemoryEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0));
            }
            return entries;
        }
    });

    /// <summary>Looks a plain-text segment up: the exact match (score 1), or else the fuzzy matches at or above
    /// <paramref name="fuzzyThreshold"/>, best first, numbers written as the entries have them.</summary>
    public IReadOnlyList<MemoryMatch> Lookup(string segment, string sourceLanguage, string targetLanguage, double fuzzyThreshold)
    {
        var masked = MemoryPairs.Mask(segment);
        var (exact, _, fuzzy) = new MemoryLookup([this], fuzzyThreshold, sourceLanguage, targetLanguage).Find(masked);
        return exact is null ? fuzzy : [new MemoryMatch(1, exact.Source, MemoryPairs.Written(exact, masked))];
    }

    /// <summary>The words to query candidates by, as FTS5 strings: the rarest few, leaving out words so common that ranking
    /// their entries would take long (a word held by thousands of entries tells little); the two rarest in any case.</summary>
    private List<string> RareWords(IEnumerable<string> words)
    {
        using var count = _connection.CreateCommand();
        count.CommandText = MemorySchema.WordCount;
        var parameter = count.Parameters.Add("$word", SqliteType.Text);
        var counted = new List<(string Word, long Entries)>();
        foreach (var word in words)
        {
            parameter.Value = word;
            counted.Add((word, count.ExecuteScalar() is long entries ? entries : 0));
        }
        return [.. counted.Where(word => word.Entries > 0).OrderBy(word => word.Entries).Where((word, rank) => rank < 2 || word.Entries <= CommonWord).Take(QueryWords)
            .Select(word => $"\"{word.Word.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")];
    }

    /// <summary>Every entry of a language pair, in the order stored (for exports).</summary>
    /// <exception cref="StoreException">The file cannot be read.</exception>
    public IEnumerable<(string Source, string Target)> Pairs(string sourceLanguage, string targetLanguage)
    {
        var entries = new List<MemoryEntry>();
        Use("read", () =>
        {
            lock (_lock)
            {
                using var query = _connection.CreateCommand();
                query.CommandText = "SELECT key, source, target, masked FROM entries WHERE source_lang = $sl AND target_lang = $tl ORDER BY id";
                query.Parameters.AddWithValue("$sl", Language(sourceLanguage));
                query.Parameters.AddWithValue("$tl", Language(targetLanguage));
                using var reader = query.ExecuteReader();
                while (reader.Read())
                {
                    entries.Add(new MemoryEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0));
                }
                return entries.Count;
            }
        });
        return entries.Select(entry => (entry.Source, MemoryPairs.Written(entry)));
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>A read or write of the file, a SQLite failure (locked, disk full, damaged) as a <see cref="StoreException"/>.</summary>
    private T Use<T>(string doing, Func<T> action) =>
        StoreException.Guard(Name, doing, "translation memory", "restore it from a copy, or build it again with tarjama tm add", action);

    private static string Language(string code) => LanguageCodes.IsArabic(code) ? "ar" : LanguageCodes.IsEnglish(code) ? "en" : code.ToLowerInvariant();

    /// <summary>Counts the words of every stored key once, in a file made before the counts were kept.</summary>
    private static void CountWordsOnce(SqliteConnection connection)
    {
        if (Version(connection) >= MemorySchema.Version)
        {
            return;
        }
        using var transaction = connection.BeginTransaction();
        using (var counter = new WordCounter(connection))
        using (var keys = connection.CreateCommand())
        {
            keys.CommandText = "SELECT key FROM entries";
            using var reader = keys.ExecuteReader();
            while (reader.Read())
            {
                counter.Count(reader.GetString(0));
            }
        }
        Execute(connection, $"PRAGMA user_version = {MemorySchema.Version}");
        transaction.Commit();
    }

    private static long Version(SqliteConnection connection)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        return (long)version.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
