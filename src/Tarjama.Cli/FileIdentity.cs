using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Tarjama.Cli;

/// <summary>Which file a path or an open descriptor is (device and inode), so that an output that is the input, through
/// a symlink, a hard link or a shell redirection, is found before anything is written.</summary>
/// <remarks>Linux (statx) and macOS (stat); elsewhere unknown (null), and full paths are compared instead.</remarks>
internal readonly partial record struct FileIdentity(ulong Device, ulong Inode, bool IsRegularFile)
{
    private const int AtCurrentDirectory = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeAndInode = 0x001 | 0x100;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>The file at <paramref name="path"/>, symlinks followed; null when there is none or it cannot be told.</summary>
    public static FileIdentity? OfPath(string path) => Query(AtCurrentDirectory, path);

    /// <summary>The file open as descriptor <paramref name="descriptor"/> (0: standard input, 1: standard output).</summary>
    public static FileIdentity? OfDescriptor(int descriptor) => Query(descriptor, null);

    /// <summary>True when both are known and are the same regular file (a device such as /dev/null may be both ends).</summary>
    public static bool SameRegularFile(FileIdentity? a, FileIdentity? b) => a is { IsRegularFile: true } x && b is { } y && x == y;

    private static unsafe FileIdentity? Query(int descriptor, string? path)
    {
        byte* buffer = stackalloc byte[512];
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // statx's layout is the same on every Linux architecture, unlike struct stat's.
                int flags = path is null ? AtEmptyPath : 0;
                if (Statx(descriptor, path ?? "", flags, StatxTypeAndInode, buffer) != 0)
                {
                    return null;
                }
                var statx = new ReadOnlySpan<byte>(buffer, 256);
                ulong device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(statx[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(statx[140..]);
                return new FileIdentity(device, BinaryPrimitives.ReadUInt64LittleEndian(statx[32..]), IsRegular(BinaryPrimitives.ReadUInt16LittleEndian(statx[28..])));
            }
            if (OperatingSystem.IsMacOS())
            {
                if ((path is null ? Fstat(descriptor, buffer) : Stat(path, buffer)) != 0)
                {
                    return null;
                }
                var stat = new ReadOnlySpan<byte>(buffer, 144);
                return new FileIdentity(BinaryPrimitives.ReadUInt32LittleEndian(stat), BinaryPrimitives.ReadUInt64LittleEndian(stat[8..]), IsRegular(BinaryPrimitives.ReadUInt16LittleEndian(stat[4..])));
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An older C library: the caller falls back to comparing paths.
        }
        return null;
    }

    private static bool IsRegular(int mode) => (mode & FileTypeMask) == RegularFile;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fstat")]
    private static unsafe partial int Fstat(int descriptor, byte* buffer);
}
