namespace Tarjama.Documents;

/// <summary>Reads a stream whole into memory, up to a limit: a file that is read whole (a Word package) is refused
/// when it passes the limit, before it fills the memory.</summary>
internal static class BoundedBytes
{
    /// <exception cref="TarjamaException">The input holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static MemoryStream Read(Stream input, string sourceName, long maxBytes)
    {
        var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (bytes.Length + read > maxBytes)
            {
                throw new TarjamaException($"{sourceName}: larger than {maxBytes} bytes");
            }
            bytes.Write(buffer, 0, read);
        }
        bytes.Position = 0;
        return bytes;
    }
}
