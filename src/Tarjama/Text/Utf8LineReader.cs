using System.Buffers;
using System.Text;

namespace Tarjama.Text;

/// <summary>Reads lines from a byte stream as strict UTF-8, so that bad input is reported with its byte offset
/// instead of being silently replaced by U+FFFD. Streams: memory holds one line at a time.</summary>
public sealed class Utf8LineReader(Stream stream, string sourceName) : IDisposable
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _atStart = true;

    /// <summary>Byte offset, in the whole stream, of the line returned last.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The line ending of the line returned last: "\n", "\r\n", a lone "\r" (old Mac text), or "" for a last
    /// line that has none, so that a writer can give every line back as it was.</summary>
    public string LineEnd { get; private set; } = "";

    /// <summary>Returns the next line without its line ending (LF, CRLF or a lone CR), or null at the end of the stream.</summary>
    public string? ReadLine()
    {
        _line.SetLength(0);
        if (_start == _end && !Fill())
        {
            return null;
        }
        long lineStart = _bufferOffset + _start;
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return Decode(lineStart, "");
            }
            int end = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                _line.Write(_buffer, _start, _end - _start);
                _start = _end;
                continue;
            }
            end += _start;
            _line.Write(_buffer, _start, end - _start);
            _start = end + 1;
            if (_buffer[end] == '\n')
            {
                return Decode(lineStart, "\n");
            }
            // A CR ends the line either way; the next byte, perhaps in the next read, tells CRLF from a lone CR.
            if (_start == _end && !Fill())
            {
                return Decode(lineStart, "\r");
            }
            if (_buffer[_start] != '\n')
            {
                return Decode(lineStart, "\r");
            }
            _start++;
            return Decode(lineStart, "\r\n");
        }
    }

    public IEnumerable<string> ReadLines()
    {
        while (ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private bool Fill()
    {
        _bufferOffset += _end;
        _start = _end = 0;
        int read = stream.Read(_buffer, 0, _buffer.Length);
        _end = read;
        if (_atStart && read > 0)
        {
            _atStart = false;
            if (read >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3; // a byte-order mark is not text
            }
        }
        return read > 0;
    }

    /// <summary>A whole file's bytes as strict UTF-8 text, a leading byte-order mark left out: for files read whole.</summary>
    /// <exception cref="InvalidUtf8Exception">Invalid UTF-8, named by the byte offset of the first bad byte.</exception>
    public static string DecodeAll(ReadOnlySpan<byte> bytes, string sourceName) =>
        bytes.StartsWith("\uFEFF"u8) ? Decode(bytes[3..], 3, sourceName) : Decode(bytes, 0, sourceName);

    private string Decode(long lineStart, string lineEnd)
    {
        (LineOffset, LineEnd) = (lineStart, lineEnd);
        return Decode(_line.GetBuffer().AsSpan(0, (int)_line.Length), lineStart, sourceName);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, long start, string sourceName)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            long offset = start + FirstInvalidByte(bytes);
            throw new InvalidUtf8Exception(sourceName, offset);
        }
    }

    /// <summary>The index of the first byte that is not part of valid UTF-8; the length when there is none.</summary>
    internal static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        int index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out int consumed) != OperationStatus.Done)
            {
                return index;
            }
            index += consumed;
        }
        return index;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _line.Dispose();
    }
}
