using System.Text.RegularExpressions;

namespace Tarjama.Jobs;

/// <summary>Files written beside their target and renamed into place when whole, so that a killed run never leaves half
/// a file under the target's name. Each is named <c>.TARGET.GUID.tarjama-tmp</c> and held under an exclusive lock while
/// it is written, so a later run can tell one that a killed run left behind (that name, no process holding it) from a
/// user's file (never so named) and from another run's file being written (locked): it removes only the first.</summary>
public static partial class TemporaryFiles
{
    /// <summary>Creates a new temporary file for <paramref name="target"/>, locked until the stream is disposed.</summary>
    /// <exception cref="IOException">It cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">Its folder may not be written in.</exception>
    public static FileStream Create(string target, out string path)
    {
        path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tarjama-tmp");
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    /// <summary>Removes what killed runs left in <paramref name="folder"/> (and below it when <paramref name="recursive"/>):
    /// every temporary file, or only <paramref name="target"/>'s when it is given. Never throws: a file that cannot be
    /// removed stays, as it would have without this.</summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveOrphans(string folder, string? target = null, bool recursive = false)
    {
        int removed = 0;
        try
        {
            var pattern = target is null ? "*.tarjama-tmp" : $".{Path.GetFileName(target)}.*.tarjama-tmp";
            foreach (var path in Directory.EnumerateFiles(folder, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
            {
                if (Name().Match(Path.GetFileName(path)) is { Success: true } name
                    && (target is null || name.Groups["target"].Value == Path.GetFileName(target)) && RemoveUnlocked(path))
                {
                    removed++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be listed: its orphans stay until a run can.
        }
        return removed;
    }

    /// <summary>Deletes the file unless a live process holds its lock: taking the lock proves its writer is gone.</summary>
    private static bool RemoveUnlocked(string path)
    {
        try
        {
            using var orphan = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // being written, gone already, or not ours to remove
        }
    }

    [GeneratedRegex(@"^\.(?<target>.+)\.[0-9a-f]{32}\.tarjama-tmp$")]
    private static partial Regex Name();
}
