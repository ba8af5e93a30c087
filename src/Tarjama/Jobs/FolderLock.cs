namespace Tarjama.Jobs;

/// <summary>One process at a time in a folder: an exclusive advisory lock on a file in it (<see cref="FileShare.None"/>),
/// released when the stream is disposed or the process ends, even by SIGKILL.</summary>
internal static class FolderLock
{
    /// <summary>Takes the lock on <paramref name="path"/>, creating the file when missing.</summary>
    /// <param name="held">The error when another process holds it.</param>
    /// <param name="cannotUse">The error, from the system's reason, when the file cannot be made or opened (a read-only
    /// folder, or one the user may not write in).</param>
    /// <exception cref="TarjamaException">Either of those.</exception>
    public static FileStream Take(string path, string held, Func<string, string> cannotUse)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException(HeldElsewhere(path) ? held : cannotUse(e.Message));
        }
    }

    /// <summary>Whether another process holds the lock: then a shared lock for reading is refused too, while a file that
    /// failed for another reason (a read-only file system, no right to write) can still be opened so.</summary>
    private static bool HeldElsewhere(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
