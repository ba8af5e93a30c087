namespace Tarjama;

/// <summary>Why a file the user named could not be read, in words for an error line.</summary>
public static class FileReadError
{
    /// <summary>"it is a directory" for a directory (.NET reports one as denied access, or as no such file), else
    /// <paramref name="error"/>'s message, else "no such file".</summary>
    public static string Reason(string path, Exception? error = null) =>
        Directory.Exists(path) ? "it is a directory" : error?.Message ?? "no such file";
}
