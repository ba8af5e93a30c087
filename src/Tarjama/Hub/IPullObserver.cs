namespace Tarjama.Hub;

/// <summary>Hears what a pull is doing, so a front end can show it; the library itself prints nothing.</summary>
public interface IPullObserver
{
    /// <summary>A one-line status worth showing the user (what is pulled and where, a resumed or waiting download).</summary>
    void Note(string message);

    /// <summary>Bytes of <paramref name="file"/> (a repository path) now on disk, out of <paramref name="bytesTotal"/>.</summary>
    void Progress(string file, long bytesDone, long bytesTotal);
}
