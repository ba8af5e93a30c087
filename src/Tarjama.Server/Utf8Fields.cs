using System.Net;
using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Tarjama.Server;

/// <summary>Fields as a query string, a urlencoded form or a multipart form sends them. ASP.NET decodes bytes that are not
/// UTF-8 to U+FFFD without a word, and the field would be translated as replacement characters; they are refused here,
/// as a JSON body or a file that is not UTF-8 is.</summary>
internal static class Utf8Fields
{
    /// <summary>Refuses (400) a query string, or a urlencoded body read in UTF-8, with a field that does not decode to
    /// UTF-8; the body stays readable from its start, a multipart one too (for <see cref="CheckMultipartAsync"/>, once
    /// the form is read: its files are then read from the kept body in place rather than copied).</summary>
    public static async Task CheckAsync(HttpRequest request, CancellationToken aborted)
    {
        Check(Encoding.UTF8.GetBytes(request.QueryString.Value?.TrimStart('?') ?? ""));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return;
        }
        if (type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering();
        }
        else if (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && (type.Encoding is null || type.Encoding.CodePage == Encoding.UTF8.CodePage))
        {
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, aborted);
            request.Body.Position = 0;
            Check(body.ToArray());
        }
    }

    /// <summary>Refuses (400) a multipart text field whose bytes are not UTF-8. Only a form where ASP.NET wrote U+FFFD is
    /// read again, from the body <see cref="CheckAsync"/> kept.</summary>
    public static async Task CheckMultipartAsync(HttpRequest request, IFormCollection form, CancellationToken aborted)
    {
        if (!request.Body.CanSeek || !form.Any(field => field.Value.Any(value => value?.Contains('\uFFFD') == true))
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { } boundary)
        {
            return;
        }
        request.Body.Position = 0;
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(aborted) is { } section)
        {
            // A file is checked where it is read; a field in a charset .NET knows was decoded from that charset (one it
            // does not know, as UTF-8).
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.IsFileDisposition()
                || (MediaTypeHeaderValue.TryParse(section.ContentType, out var sectionType) && sectionType.Encoding is { } declared && declared.CodePage != Encoding.UTF8.CodePage))
            {
                continue;
            }
            using var value = new MemoryStream();
            await section.Body.CopyToAsync(value, aborted);
            if (!Utf8.IsValid(value.GetBuffer().AsSpan(0, (int)value.Length)))
            {
                throw ApiError.BadRequest($"Invalid request: {HeaderUtilities.RemoveQuotes(disposition.Name)} parameter is not UTF-8 text");
            }
        }
    }

    private static void Check(byte[] fields)
    {
        int start = 0;
        while (start < fields.Length)
        {
            int end = Array.IndexOf(fields, (byte)'&', start) is >= 0 and var amp ? amp : fields.Length;
            if (!Utf8.IsValid(WebUtility.UrlDecodeToBytes(fields, start, end - start)))
            {
                int equals = Array.IndexOf(fields, (byte)'=', start, end - start) is >= 0 and var at ? at : end;
                string name = Encoding.UTF8.GetString(WebUtility.UrlDecodeToBytes(fields, start, equals - start) ?? []);
                throw ApiError.BadRequest($"Invalid request: {name} parameter is not UTF-8 text");
            }
            start = end + 1;
        }
    }
}
