using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tarjama.Server;

/// <summary>Translated files waiting to be downloaded, in a private temporary folder named after this process: each is
/// kept for the retention time, expired ones are removed on a timer, all of them together stay under a byte quota,
/// and the folder goes when the server stops. Folders that servers killed before stopping left behind are removed
/// when the next one starts.</summary>
internal sealed partial class TranslatedFileStore : IDisposable
{
    private const string FolderPrefix = "tarjama-files-";
    private const int MaxStemLength = 128;

    private readonly string _folder;
    private readonly TimeSpan _retention;
    private readonly FileQuota _quota;
    private readonly Timer _sweeper;

    public TranslatedFileStore(TimeSpan retention, long quotaBytes)
    {
        _retention = retention;
        _quota = new FileQuota(quotaBytes);
        RemoveOrphans();
        _folder = Directory.CreateTempSubdirectory($"{FolderPrefix}{Environment.ProcessId}-").FullName;
        var period = TimeSpan.FromTicks(Math.Clamp(retention.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _sweeper = new Timer(_ => RemoveExpired(), null, period, period);
    }

    /// <summary>Bytes of translated files kept now.</summary>
    public long StoredBytes => _quota.Used;

    /// <summary>Stores what <paramref name="write"/> writes as the translation of <paramref name="uploadName"/>; returns
    /// the name to download it by. Nothing is kept when writing fails or passes the quota (503).</summary>
    public async Task<string> SaveAsync(string uploadName, Func<Stream, Task> write)
    {
        RemoveExpired();
        string name = $"{Guid.NewGuid():N}.{SafeName(uploadName)}";
        string path = Path.Combine(_folder, name);
        var file = new QuotaStream(File.Create(path), _quota, giveBackOnDispose: false);
        try
        {
            await using (file)
            {
                await write(file);
            }
        }
        catch
        {
            File.Delete(path);
            _quota.Give(file.Written);
            throw;
        }
        return name;
    }

    /// <summary>An answer built by <paramref name="write"/> on disk, not in memory (a bilingual view or a merged Word
    /// document can be many times its upload), under the same quota, from its start; the file is deleted (and its bytes
    /// given back) when the answer is disposed, or at once when the work fails.</summary>
    public async Task<Stream> WriteScratchAsync(Func<Stream, Task> write)
    {
        var file = new FileStream(Path.Combine(_folder, $"scratch-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var output = new QuotaStream(file, _quota, giveBackOnDispose: true);
        try
        {
            await write(output);
            output.Position = 0;
            return output;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
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

    /// <summary>Keeps letters, digits, dots, dashes and underscores of the upload's name, so it is safe in a path and a
    /// header, and at most <see cref="MaxStemLength"/> of them, so the file name stays within the file system's 255 bytes.</summary>
    private static string SafeName(string uploadName)
    {
        string stem = UnsafeCharacters().Replace(Path.GetFileNameWithoutExtension(uploadName), "_");
        stem = stem[..Math.Min(stem.Length, MaxStemLength)].Trim('.', '_');
        string extension = UnsafeCharacters().Replace(Path.GetExtension(uploadName), "");
        return (stem.Length == 0 ? "document" : stem) + extension.ToLowerInvariant();
    }

    private bool Expired(string path) => DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > _retention;

    private void RemoveExpired()
    {
        try
        {
            foreach (var file in new DirectoryInfo(_folder).EnumerateFiles().Where(file => StoredName().IsMatch(file.Name) && Expired(file.FullName)))
            {
                long length = file.Length;
                file.Delete();
                _quota.Give(length);
            }
        }
        catch (IOException)
        {
            // A file being downloaded right now goes on the next sweep.
        }
    }

    /// <summary>Removes the folders of stores whose process is gone (a server killed before it could clean up).</summary>
    private static void RemoveOrphans()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            string[] parts = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int owner) && !IsRunning(owner))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another user's folder, or one in use: not ours to remove.
                }
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"^[0-9a-f]{32}\.[A-Za-z0-9._-]+$")]
    private static partial Regex StoredName();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeCharacters();
}
