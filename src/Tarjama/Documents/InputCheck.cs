using System.Text;

namespace Tarjama.Documents;

/// <summary>Refuses input that is not text, with a message that says what it is instead.</summary>
internal static class InputCheck
{
    /// <summary>Throws when the input's first bytes show a binary file, UTF-16 or UTF-32 text.</summary>
    public static void RejectBinary(ReadOnlySpan<byte> head, string sourceName)
    {
        if (head is [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            throw new TarjamaException($"{sourceName}: this is UTF-32 text; Tarjama reads UTF-8 (convert it, e.g. with iconv -f UTF-32 -t UTF-8)");
        }
        if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            throw new TarjamaException($"{sourceName}: this is UTF-16 text; Tarjama reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)");
        }
        int nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new TarjamaException($"{sourceName}: this is a binary file, not text (a NUL byte at byte offset {nul})");
        }
        int controls = 0;
        foreach (byte b in head)
        {
            controls += b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1B) ? 1 : 0;
        }
        if (head.Length > 0 && controls * 10 > head.Length)
        {
            throw new TarjamaException($"{sourceName}: this is a binary file, not text ({controls} control bytes in its first {head.Length})");
        }
    }

    /// <summary>Throws when a line read at <paramref name="lineOffset"/> holds a NUL: binary data past the first bytes.</summary>
    public static void RejectNul(string line, long lineOffset, string sourceName)
    {
        int nul = line.IndexOf('\0');
        if (nul >= 0)
        {
            long offset = lineOffset + Encoding.UTF8.GetByteCount(line.AsSpan(0, nul));
            throw new TarjamaException($"{sourceName}: binary data, not text (a NUL byte at byte offset {offset})");
        }
    }
}
