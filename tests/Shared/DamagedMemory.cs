using Microsoft.Data.Sqlite;
using Tarjama.Memory;

namespace Tarjama.Testing;

/// <summary>A translation memory file whose schema (its first page) is whole, so it opens, and whose other pages are
/// garbage, so the first read of its entries fails as SQLite's "database disk image is malformed".</summary>
internal static class DamagedMemory
{
    /// <summary>Writes such a file at <paramref name="path"/>: 400 entries like "وصل abc إلى دمشق.", then damaged.</summary>
    public static void Write(string path)
    {
        using (var memory = TranslationMemory.Open(path, create: true))
        {
            static string Word(int i) => $"{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676 % 26)}";
            memory.Add(Enumerable.Range(0, 400).Select(i => ($"وصل {Word(i)} إلى دمشق.", $"{Word(i)} arrived in Damascus.")), "ar", "en");
        }
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8 * 4096);
        Array.Fill(bytes, (byte)0xff, 4096, bytes.Length - 4096);
        File.WriteAllBytes(path, bytes);
    }
}
