extern alias OpenXml;

using System.IO.Compression;
using OpenXml::DocumentFormat.OpenXml.Packaging;

namespace Tarjama.Documents.Docx;

/// <summary>Opens a Word document (DOCX) for editing in memory, after checking that it is a ZIP package of a size that
/// can be read safely: a file that is not one, a ZIP bomb or a package without its main part is a one-line error.</summary>
internal static class DocxPackage
{
    /// <summary>Most uncompressed bytes in all the package's parts: far above any news article, far below a ZIP bomb.</summary>
    public const long MaxUncompressedBytes = 256L << 20;

    public const int MaxEntries = 10_000;

    /// <summary>Deepest element nesting in a part: Word's own (a table in a text box in a table) stays far below it;
    /// the Open XML SDK recurses over the elements, so deeper nesting would overflow the stack and end the process.</summary>
    public const int MaxDepth = XmlDepth.Limit;

    /// <summary>How an OLE compound file starts: Word keeps a password-protected document in one (and wrote .doc so).</summary>
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Most characters of XML in one part, enforced by the Open XML SDK while it reads.</summary>
    private const long MaxCharactersInPart = 64L << 20;

    /// <summary>Reads <paramref name="input"/> (at most <paramref name="maxBytes"/>) into a writable in-memory package.</summary>
    internal static (WordprocessingDocument Document, MemoryStream Package) Open(Stream input, string sourceName, long maxBytes)
    {
        var package = BoundedBytes.Read(input, sourceName, maxBytes);
        if (package.GetBuffer().AsSpan(0, (int)package.Length).StartsWith(CompoundFileSignature))
        {
            throw new TarjamaException($"{sourceName}: a password-protected Word document or an old binary .doc (an OLE compound file, not a DOCX package); save it without a password as .docx");
        }
        CheckArchive(package, sourceName);
        package.Position = 0;
        try
        {
            var document = WordprocessingDocument.Open(package, isEditable: true, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (document.MainDocumentPart?.Document?.Body is null)
            {
                document.Dispose();
                throw new TarjamaException($"{sourceName}: not a Word document (no word/document.xml body)");
            }
            return (document, package);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            throw new TarjamaException($"{sourceName}: not a readable Word document ({e.Message.Split('\n')[0].TrimEnd('.')})", e);
        }
    }

    /// <summary>Whether the part is XML (read into a tree when the document is translated).</summary>
    internal static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static void CheckArchive(MemoryStream package, string sourceName)
    {
        package.Position = 0;
        try
        {
            using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxEntries)
            {
                throw new TarjamaException($"{sourceName}: {archive.Entries.Count} parts in the package, more than the {MaxEntries} a document may have");
            }
            long total = archive.Entries.Sum(entry => entry.Length);
            if (total > MaxUncompressedBytes)
            {
                throw new TarjamaException($"{sourceName}: unpacks to {total} bytes, more than {MaxUncompressedBytes} (a ZIP bomb?)");
            }
            foreach (var entry in archive.Entries.Where(IsXml))
            {
                CheckDepth(entry, sourceName);
            }
        }
        catch (InvalidDataException e)
        {
            throw new TarjamaException($"{sourceName}: not a DOCX file (not a ZIP package: {e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>Refuses a part nested past <see cref="MaxDepth"/>; one that is not well-formed or cannot be unpacked is
    /// left for the Open XML SDK to report.</summary>
    private static void CheckDepth(ZipArchiveEntry entry, string sourceName)
    {
        Stream stream;
        try
        {
            stream = entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            return;
        }
        using (stream)
        {
            if (XmlDepth.FirstTooDeep(stream) is { } line)
            {
                throw new TarjamaException($"{sourceName}: {entry.FullName} nests deeper than {MaxDepth} elements (line {line})");
            }
        }
    }
}
