namespace Tarjama.Memory;

/// <summary>The SQL of a translation memory: entries unique by language pair and key, and an FTS5 index of the keys
/// kept in step by triggers.</summary>
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
        CREATE VIRTUAL TABLE IF NOT EXISTS entries_words USING fts5vocab(entries_index, 'row');
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

    public const string Upsert = """
        INSERT INTO entries (source_lang, target_lang, key, source, target, masked) VALUES ($sl, $tl, $key, $source, $target, $masked)
        ON CONFLICT (source_lang, target_lang, key) DO UPDATE SET source = excluded.source, target = excluded.target, masked = excluded.masked
        """;

    /// <summary>How many entries hold a word, and how many entries there are.</summary>
    public const string WordCount = "SELECT doc FROM entries_words WHERE term = $word";

    public const string Candidates = """
        SELECT e.key, e.source, e.target, e.masked
        FROM (SELECT rowid FROM entries_index WHERE entries_index MATCH $match ORDER BY rank LIMIT $limit) AS found
        JOIN entries AS e ON e.id = found.rowid
        WHERE e.source_lang = $sl AND e.target_lang = $tl
        """;
}
