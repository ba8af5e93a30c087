using System.Text;
using Tarjama.Documents;
using Tarjama.Text;

namespace Tarjama.Tests.Documents;

/// <summary>An HTML file's encoding: the bytes over a declaration they disprove, the declaration over the default, and
/// the translation, written as UTF-8, declaring UTF-8.</summary>
public class HtmlEncodingTests
{
    private static readonly DocumentTranslationOptions HtmlOptions = new() { Format = DocumentFormat.Html };

    private static readonly Encoding Arabic1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    private const string Body = "<body><p>قال المصدر إن الخبر صحيح.</p></body></html>";

    private static string Page(string meta) => $"<!DOCTYPE html><html lang=\"ar\"><head>{meta}<title>عنوان</title></head>{Body}";

    private static string Expected(string meta) =>
        $"<!DOCTYPE html><html lang=\"en\" dir=\"ltr\"><head>{meta}<title>{Latin("عنوان")}</title></head><body><p>{Latin("قال المصدر إن الخبر صحيح.")}</p></body></html>";

    private static string Latin(string text) => LatinizingTranslator.Latinize(text);

    private static string Translate(byte[] bytes) => DocumentRunner.Translate(bytes, new LatinizingTranslator(), HtmlOptions, "page.html");

    [Theory]
    [InlineData("<meta charset=\"windows-1256\">", "<meta charset=\"utf-8\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">")]
    [InlineData("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\">")]
    [InlineData("", "")]
    public void ValidUtf8IsReadAsUtf8WhateverThePageDeclaresAndTheTranslationDeclaresUtf8(string meta, string written)
    {
        Assert.Equal(Expected(written), Translate(Encoding.UTF8.GetBytes(Page(meta))));
        Assert.Equal(Expected(written), Translate([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Page(meta))]));
    }

    [Theory]
    [InlineData("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\">")] // a declaration the bytes disprove
    [InlineData("<meta charset=\"windows-1256\">", "<meta charset=\"utf-8\">")]
    [InlineData("<meta http-equiv=\"content-type\" content=\"text/html;charset=cp1256\">", "<meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\">")]
    [InlineData("", "")] // browsers' default for Arabic
    public void LegacyArabicIsReadAsWindows1256UnlessThePageDeclaresAnotherLegacyEncoding(string meta, string written) =>
        Assert.Equal(Expected(written), Translate(Arabic1256.GetBytes(Page(meta))));

    [Fact]
    public void AnotherDeclaredLegacyEncodingIsReadAsDeclared()
    {
        var iso = CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-6")!;
        Assert.Equal(Expected("<meta charset=\"utf-8\">"), Translate(iso.GetBytes(Page("<meta charset=\"ISO-8859-6\">"))));
    }

    [Fact]
    public void Utf8DamagedAfterArabicIsRefusedNamingTheByteNotReadAsALegacyEncoding()
    {
        var good = Encoding.UTF8.GetBytes(Page("<meta charset=\"utf-8\">"));
        int bad = good.Length - 10;
        var error = Assert.Throws<InvalidUtf8Exception>(() => Translate([.. good[..bad], 0xC3, 0x28, .. good[bad..]]));
        Assert.Equal($"page.html: invalid UTF-8 at byte offset {bad}; Tarjama reads UTF-8 (convert other encodings, e.g. Arabic Windows text with iconv -f WINDOWS-1256 -t UTF-8)", error.Message);
    }

    [Fact]
    public void ANulByteLaterOnIsBinaryDataWhateverTheEncoding()
    {
        var page = Arabic1256.GetBytes(Page("") + new string('\n', 10_000)); // past the first bytes, which are checked alone
        var error = Assert.Throws<TarjamaException>(() => Translate([.. page, 0x00]));
        Assert.Equal($"page.html: binary data, not text (a NUL byte at byte offset {page.Length})", error.Message);
    }
}
