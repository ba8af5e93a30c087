using System.Text;

namespace Tarjama.Cli;

/// <summary>Opens <c>-i</c>/<c>-o</c> paths, or standard input/output when absent or "-", with clear errors.</summary>
internal static class CliStreams
{
    public static Stream OpenInput(string? path)
    {
        if (path is null or "-")
        {
            return Console.OpenStandardInput();
        }
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot read it ({(Directory.Exists(path) ? "it is a directory" : e.Message)})", e);
        }
    }

    public static TextWriter OpenOutput(string? path)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (path is null or "-")
        {
            return new StreamWriter(Console.OpenStandardOutput(), encoding) { AutoFlush = false };
        }
        try
        {
            return new StreamWriter(path, append: false, encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot write it ({e.Message})", e);
        }
    }

    public static string InputName(string? path) => path is null or "-" ? "standard input" : path;
}
