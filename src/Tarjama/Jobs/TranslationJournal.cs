using Microsoft.Data.Sqlite;

namespace Tarjama.Jobs;

/// <summary>Finished segment translations on disk (SQLite), by <see cref="SegmentKey"/>: what a killed run finished is
/// there for the next, and recording a translation twice is harmless.</summary>
public sealed class TranslationJournal : IDisposable
{
    private const string IfDamaged = "delete it, and what it held is translated again";

    private readonly SqliteConnection _connection;

    /// <exception cref="TarjamaException">The journal cannot be opened or is not a journal.</exception>
    public TranslationJournal(string path)
    {
        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            // WAL: a committed batch survives the process being killed, and readers never block the writer.
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;" +
                "CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, output TEXT NOT NULL) WITHOUT ROWID;");
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new TarjamaException($"{path}: cannot open the translation journal ({StoreException.Reason(e, IfDamaged)})");
        }
    }

    public string Path { get; }

    /// <summary>Translations recorded so far.</summary>
    public long Count => Use("read", () =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM translations";
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>The recorded translations among <paramref name="keys"/>, by key.</summary>
    /// <exception cref="StoreException">The journal cannot be read (damaged, or its disk gone).</exception>
    public Dictionary<string, string> Find(IEnumerable<string> keys) => Use("read", () =>
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT output FROM translations WHERE key = $key";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var wanted in keys)
        {
            key.Value = wanted;
            if (command.ExecuteScalar() is string output)
            {
                found[wanted] = output;
            }
        }
        return found;
    });

    /// <summary>Records <paramref name="translations"/> (key, output) in one transaction: all of them or none.</summary>
    /// <exception cref="StoreException">The journal cannot be written (its disk full, damaged, or held by another process).</exception>
    public void Record(IEnumerable<KeyValuePair<string, string>> translations) => Use("write", () =>
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO translations (key, output) VALUES ($key, $output)";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var output = command.Parameters.Add("$output", SqliteType.Text);
        foreach (var (k, v) in translations)
        {
            (key.Value, output.Value) = (k, v);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        return true;
    });

    public void Dispose() => _connection.Dispose();

    private T Use<T>(string doing, Func<T> action) => StoreException.Guard(Path, doing, "translation journal", IfDamaged, action);

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
