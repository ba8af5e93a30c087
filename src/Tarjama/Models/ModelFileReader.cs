namespace Tarjama.Models;

/// <summary>Reads a file of a model folder, turning one that cannot be read (no permission, a folder where the file
/// should be, a failing disk) into an error naming it: .NET reports a denied file as UnauthorizedAccessException,
/// which no caller would otherwise take for a user's error.</summary>
internal static class ModelFileReader
{
    public static T Read<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot be read ({FileReadError.Reason(path, e)})", e);
        }
    }
}
