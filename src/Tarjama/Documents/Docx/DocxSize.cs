using System.IO.Compression;

namespace Tarjama.Documents.Docx;

/// <summary>How large a Word document is once read: a service sizes its memory by it, not by the package.</summary>
public static class DocxSize
{
    /// <summary>The bytes the package's XML parts unpack to, as its ZIP directory says (they are read into a tree when it
    /// is translated, so they, not the package's size, tell the memory it takes); 0 for input that is not a ZIP package.</summary>
    public static long UnpackedXmlBytes(Stream package)
    {
        try
        {
            using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            return archive.Entries.Where(DocxPackage.IsXml).Sum(entry => entry.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            return 0; // not a ZIP package: reading it says so (a stream of few bytes refuses the seek to a directory it cannot hold)
        }
    }
}
