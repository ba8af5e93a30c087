namespace Tarjama.Text;

/// <summary>A file that is not UTF-8: which, and the offset of its first bad byte. The advice fits every file Tarjama
/// reads (convert it); a caller that can also read the file as it is (a document's input encoding) gives its own.</summary>
public sealed class InvalidUtf8Exception : TarjamaException
{
    private const string ConvertAdvice = "Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)";

    internal InvalidUtf8Exception(string sourceName, long byteOffset, string advice = ConvertAdvice)
        : base($"{sourceName}: invalid UTF-8 at byte offset {byteOffset}; {advice}")
    {
        SourceName = sourceName;
        ByteOffset = byteOffset;
    }

    /// <summary>The file, as the reader was told to name it.</summary>
    public string SourceName { get; }

    public long ByteOffset { get; }

    /// <summary>The same finding with <paramref name="advice"/> after it in place of converting the file.</summary>
    public InvalidUtf8Exception Advising(string advice) => new(SourceName, ByteOffset, advice);
}
