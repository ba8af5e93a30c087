namespace Tarjama.Memory;

/// <summary>The SQL of a translation memory: entries unique by language pair and key, an FTS5 index of the keys kept in
/// step by triggers, and how many entries hold each word (kept by <see cref="TranslationMemory.Add"/>), so choosing a
/// segment's rare words is an index read each, not a walk of FTS5's posting lists.</summary>
internal static class MemorySchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS entries (
            id INTEGER PRIMARY KEY,
            source_lang TEXT NOT NULL,
            target_lang TEXT NOT NULL,
            key TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            masked INTEGER NOT NULL,
            UNIQUE (source_lang, target_lang, key));
        CREATE VIRTUAL TABLE IF NOT EXISTS entries_index USING fts5(key, content = 'entries', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0');
        DROP TABLE IF EXISTS entries_words;
        CREATE TABLE IF NOT EXISTS word_counts (word TEXT PRIMARY KEY, entries INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS entries_added AFTER INSERT ON entries BEGIN
            INSERT INTO entries_index (rowid, key) VALUES (new.id, new.key);
        END;
        CREATE TRIGGER IF NOT EXISTS entries_removed AFTER DELETE ON entries BEGIN
            INSERT INTO entries_index (entries_index, rowid, key) VALUES ('delete', old.id, old.key);
        END;
        CREATE TRIGGER IF NOT EXISTS entries_changed AFTER UPDATE ON entries BEGIN
            INSERT INTO entries_index (entries_index, rowid, key) VALUES ('delete', old.id, old.key);
            INSERT INTO entries_index (rowid, key) VALUES (new.id, new.key);
        END;
        """;

    /// <summary>Reads each table a lookup reads, without writing: a file that is not a memory fails here.</summary>
    public const string Check = "SELECT 1 FROM entries LIMIT 0; SELECT 1 FROM entries_index LIMIT 0; SELECT 1 FROM word_counts LIMIT 0;";

    public const string Upsert = """
        INSERT INTO entries (source_lang, target_lang, key, source, target, masked) VALUES ($sl, $tl, $key, $source, $target, $masked)
        ON CONFLICT (source_lang, target_lang, key) DO UPDATE SET source = excluded.source, target = excluded.target, masked = excluded.masked
        """;

    /// <summary>The version of the layout above: 1 since word_counts; a file of version 0 gets its counts made once.</summary>
    public const int Version = 1;

    /// <summary>How many entries hold a word.</summary>
    public const string WordCount = "SELECT entries FROM word_counts WHERE word = $word";

    public const string CountWord = "INSERT INTO word_counts (word, entries) VALUES ($word, 1) ON CONFLICT (word) DO UPDATE SET entries = entries + 1";

    public const string KeyStored = "SELECT 1 FROM entries WHERE source_lang = $sl AND target_lang = $tl AND key = $key";

    /// <summary>The best-ranked entries for a full-text query. CROSS JOIN keeps the candidates the outer loop: left to
    /// itself SQLite (3.53) walks the language pair's whole index and probes the candidates for each entry.</summary>
    public const string Candidates = """
        SELECT e.key, e.source, e.target, e.masked
        FROM (SELECT rowid FROM entries_index WHERE entries_index MATCH $match ORDER BY rank LIMIT $limit) AS found
        CROSS JOIN entries AS e ON e.id = found.rowid
        WHERE e.source_lang = $sl AND e.target_lang = $tl
        """;
}
