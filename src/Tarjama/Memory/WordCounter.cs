using Microsoft.Data.Sqlite;

namespace Tarjama.Memory;

/// <summary>Adds one to the count of each word of the keys it is given (within the caller's transaction).</summary>
internal sealed class WordCounter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _word;

    public WordCounter(SqliteConnection connection)
    {
        _command = connection.CreateCommand();
        _command.CommandText = MemorySchema.CountWord;
        _word = _command.Parameters.Add("$word", SqliteType.Text);
    }

    public void Count(string key)
    {
        foreach (var word in MemoryKey.IndexedWords(key))
        {
            _word.Value = word;
            _command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _command.Dispose();
}
