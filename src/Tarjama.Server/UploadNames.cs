namespace Tarjama.Server;

/// <summary>The name an upload goes by: the last part of what the client sent, whichever separator its system uses. A
/// Windows client may send <c>C:\docs\news.txt</c>, which on this server's Linux is not a path, and a translated file
/// must not come back named after the sender's folders. Control characters (a line break) become '_': the name comes
/// back in a header and is saved by the client as a file.</summary>
internal static class UploadNames
{
    public static string Of(string sent) => string.Concat(sent[(sent.LastIndexOfAny(['/', '\\']) + 1)..].Select(c => char.IsControl(c) ? '_' : c));

    public static string Of(IFormFile file) => Of(file.FileName);
}
