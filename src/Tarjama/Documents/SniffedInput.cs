namespace Tarjama.Documents;

/// <summary>The input stream with its first bytes read ahead for sniffing (and given back in order), counting what is
/// read so progress can be told.</summary>
internal sealed class SniffedInput : Stream
{
    private const int HeadSize = 8192;
    private readonly Stream _inner;
    private readonly byte[] _head;
    private int _headPosition;

    private SniffedInput(Stream inner, byte[] head, long? length)
    {
        (_inner, _head, TotalBytes) = (inner, head, length);
    }

    public static SniffedInput Open(Stream inner)
    {
        long? length = inner.CanSeek ? inner.Length - inner.Position : null;
        var head = new byte[HeadSize];
        int filled = 0;
        for (int read; filled < head.Length && (read = inner.Read(head, filled, head.Length - filled)) > 0;)
        {
            filled += read;
        }
        return new SniffedInput(inner, head[..filled], length);
    }

    /// <summary>The first bytes of the input (up to 8 KiB).</summary>
    public ReadOnlySpan<byte> Head => _head;

    /// <summary>The input's length in bytes, when the stream knows it.</summary>
    public long? TotalBytes { get; }

    public long BytesRead { get; private set; }

    public double? Fraction => TotalBytes is > 0 and var total ? Math.Min(1.0, (double)BytesRead / total) : null;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (_headPosition < _head.Length)
        {
            read = Math.Min(count, _head.Length - _headPosition);
            Array.Copy(_head, _headPosition, buffer, offset, read);
            _headPosition += read;
        }
        else
        {
            read = _inner.Read(buffer, offset, count);
        }
        BytesRead += read;
        return read;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
