namespace Tarjama.Hub;

/// <summary>
/// An exclusive lock on <c>.locks/&lt;repo folder&gt;/&lt;etag&gt;.lock</c>, the file huggingface_hub locks too, so two pulls
/// of one blob — in this process, another one, or Python — never write it at the same time.
/// </summary>
internal sealed class BlobLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream lockFile;

    private BlobLock(FileStream lockFile) => this.lockFile = lockFile;

    public static async Task<BlobLock> AcquireAsync(string path, Action onFirstWait, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var waited = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix and a share lock on Windows.
                return new BlobLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waited)
                {
                    onFirstWait();
                    waited = true;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    // The lock file stays: deleting it would let a third process lock a fresh file while a second still waits on this one.
    public void Dispose() => lockFile.Dispose();
}
