namespace Tarjama.Server;

/// <summary>A file whose writes count against a shared byte quota: the write that would pass it is refused (503).
/// Reads and seeks go straight to the file.</summary>
/// <param name="giveBackOnDispose">For a file deleted on dispose: its bytes return to the quota then.</param>
internal sealed class QuotaStream(FileStream file, FileQuota quota, bool giveBackOnDispose) : Stream
{
    public long Written { get; private set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Take(buffer.Length);
        file.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Take(buffer.Length);
        await file.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Take(int bytes)
    {
        quota.Take(bytes);
        Written += bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => file.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        file.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override bool CanRead => file.CanRead;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
            if (giveBackOnDispose)
            {
                quota.Give(Written);
            }
        }
        base.Dispose(disposing);
    }
}

/// <summary>Bytes of files on disk, bounded.</summary>
internal sealed class FileQuota(long limit)
{
    private long _used;

    public long Used => Interlocked.Read(ref _used);

    /// <exception cref="ApiError">503 when <paramref name="bytes"/> more would pass the limit.</exception>
    public void Take(long bytes)
    {
        if (Interlocked.Add(ref _used, bytes) > limit)
        {
            Interlocked.Add(ref _used, -bytes);
            throw new ApiError(StatusCodes.Status503ServiceUnavailable, "the server's room for translated files is full; try again later")
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = "60" },
            };
        }
    }

    public void Give(long bytes) => Interlocked.Add(ref _used, -bytes);
}
