using Microsoft.Data.Sqlite;

namespace Tarjama;

/// <summary>A file Tarjama keeps work in (a translation journal, a translation memory) cannot be read or written: its disk
/// full, the file damaged, or another process holding it. Not the request's fault: a service answers 500, and a run
/// stops rather than failing each document on it in turn.</summary>
public sealed class StoreException(string message) : TarjamaException(message)
{
    /// <summary>Runs a read or write of a store, a SQLite failure as "<paramref name="path"/>: cannot
    /// <paramref name="doing"/> the <paramref name="store"/> (SQLite's reason)", with what to do about a damaged file
    /// (<paramref name="ifDamaged"/>) or one another process holds.</summary>
    internal static T Guard<T>(string path, string doing, string store, string ifDamaged, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{path}: cannot {doing} the {store} ({Reason(e, ifDamaged)})");
        }
    }

    /// <summary>SQLite's reason, and <paramref name="ifDamaged"/> for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB).</summary>
    internal static string Reason(SqliteException e, string ifDamaged) => e.Message + e.SqliteErrorCode switch
    {
        11 or 26 => $"; the file is damaged: {ifDamaged}",
        5 or 6 => "; another process is writing it: try again when it has finished",
        _ => "",
    };
}
