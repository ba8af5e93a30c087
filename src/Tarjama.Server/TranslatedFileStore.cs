using System.Text.RegularExpressions;

namespace Tarjama.Server;

/// <summary>Translated files waiting to be downloaded, in a private temporary folder; each is kept for the retention
/// time and the folder goes when the server stops.</summary>
internal sealed partial class TranslatedFileStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-files-").FullName;
    private readonly TimeSpan _retention;

    public TranslatedFileStore(TimeSpan retention) => _retention = retention;

    /// <summary>Stores what <paramref name="write"/> writes as the translation of <paramref name="uploadName"/>; returns
    /// the name to download it by. Nothing is kept when writing fails.</summary>
    public async Task<string> SaveAsync(string uploadName, Func<Stream, Task> write)
    {
        RemoveExpired();
        string name = $"{Guid.NewGuid():N}.{SafeName(uploadName)}";
        string path = Path.Combine(_folder, name);
        try
        {
            await using var file = File.Create(path);
            await write(file);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return name;
    }

    /// <summary>The stored file and the name to offer it as; null when unknown or expired.</summary>
    public (string Path, string DownloadName)? Find(string name)
    {
        if (!StoredName().IsMatch(name))
        {
            throw ApiError.BadRequest("Invalid filename");
        }
        string path = Path.Combine(_folder, name);
        return File.Exists(path) && !Expired(path) ? (path, name[(name.IndexOf('.') + 1)..]) : null;
    }

    /// <summary>Keeps letters, digits, dots, dashes and underscores of the upload's name, so it is safe in a path and a header.</summary>
    private static string SafeName(string uploadName)
    {
        string stem = UnsafeCharacters().Replace(Path.GetFileNameWithoutExtension(uploadName), "_").Trim('.', '_');
        string extension = UnsafeCharacters().Replace(Path.GetExtension(uploadName), "");
        return (stem.Length == 0 ? "document" : stem) + extension.ToLowerInvariant();
    }

    private bool Expired(string path) => DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > _retention;

    private void RemoveExpired()
    {
        foreach (var path in Directory.EnumerateFiles(_folder).Where(Expired))
        {
            File.Delete(path);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"^[0-9a-f]{32}\.[A-Za-z0-9._-]+$")]
    private static partial Regex StoredName();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeCharacters();
}
