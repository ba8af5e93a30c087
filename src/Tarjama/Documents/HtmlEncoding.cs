using System.Text;
using System.Text.RegularExpressions;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>Decodes an HTML file's bytes, finding their encoding much as a browser does (WHATWG's encoding sniffing), but
/// trusting the bytes over a declaration they disprove, in this order:</summary>
/// <remarks>
/// 1. A UTF-8 byte-order mark: UTF-8 (UTF-16 and UTF-32 ones are refused before, as for any text).
/// 2. Bytes that are valid UTF-8 with non-ASCII in them: UTF-8, whatever a meta element says. A page that says
///    windows-1256 and is valid UTF-8 was converted and its declaration left behind: decoding by it would garble every
///    Arabic letter, while legacy Arabic text is practically never valid UTF-8.
/// 3. The encoding a &lt;meta&gt; in the first 1024 bytes declares (WHATWG's prescan), unless that is UTF-8, which the
///    bytes have disproved.
/// 4. The legacy encoding browsers fall back on for the source language: windows-1256 for Arabic, windows-1252 else.
/// Bytes that are UTF-8 with non-ASCII letters before a first bad byte are damaged UTF-8, not a legacy encoding: they
/// are refused, naming the byte, as plain text is. The translation is written as UTF-8, and says so (see
/// <see cref="HtmlDocumentRewriter"/>).
/// </remarks>
internal static partial class HtmlEncoding
{
    private const int PrescanBytes = 1024;

    static HtmlEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <exception cref="TarjamaException">Damaged UTF-8, or a NUL byte (binary data).</exception>
    public static string Decode(byte[] bytes, string sourceName, string sourceLanguage)
    {
        int nul = Array.IndexOf(bytes, (byte)0); // a NUL byte is a NUL character in UTF-8 and in every legacy encoding here
        if (nul >= 0)
        {
            throw new TarjamaException($"{sourceName}: binary data, not text (a NUL byte at byte offset {nul})");
        }
        if (bytes.AsSpan().StartsWith("\uFEFF"u8) || System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Utf8LineReader.DecodeAll(bytes, sourceName);
        }
        int firstBad = Utf8LineReader.FirstInvalidByte(bytes);
        if (!System.Text.Ascii.IsValid(bytes.AsSpan(0, firstBad)))
        {
            return Utf8LineReader.DecodeAll(bytes, sourceName); // throws, naming the bad byte
        }
        var encoding = Declared(bytes) is { CodePage: not 65001 } declared ? declared
            : Encoding.GetEncoding(LanguageCodes.IsArabic(sourceLanguage) ? 1256 : 1252);
        return encoding.GetString(bytes);
    }

    /// <summary>The encoding a meta element's charset names, in the first 1024 bytes; null for none this runtime knows.</summary>
    private static Encoding? Declared(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, PrescanBytes));
        if (MetaCharset().Match(head) is not { Success: true } match)
        {
            return null;
        }
        try
        {
            var encoding = Encoding.GetEncoding(match.Groups["label"].Value);
            // WHATWG reads the Latin-1 and ASCII labels as windows-1252, as every browser does.
            return encoding.CodePage is 28591 or 20127 ? Encoding.GetEncoding(1252) : encoding;
        }
        catch (ArgumentException)
        {
            return null; // an unknown label counts as none
        }
    }

    // <meta charset="…"> and <meta http-equiv="Content-Type" content="text/html; charset=…"> alike.
    [GeneratedRegex(@"<meta\s[^>]*?charset\s*=\s*[""']?\s*(?<label>[A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
