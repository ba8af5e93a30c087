using System.Net;
using System.Text;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace Tarjama.Server;

/// <summary>Fields as a query string or a urlencoded form sends them (name=value pairs joined by '&amp;', percent-encoded).
/// ASP.NET decodes bytes that are not UTF-8 to U+FFFD without a word, and the field would be translated as replacement
/// characters; they are refused here, as a JSON body or a file that is not UTF-8 is.</summary>
internal static class Utf8Fields
{
    /// <summary>Refuses (400) a query string, or a urlencoded body read in UTF-8, with a field that does not decode to
    /// UTF-8; the body stays readable from its start.</summary>
    public static async Task CheckAsync(HttpRequest request, CancellationToken aborted)
    {
        Check(Encoding.UTF8.GetBytes(request.QueryString.Value?.TrimStart('?') ?? ""));
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && (type.Encoding is null || type.Encoding.CodePage == Encoding.UTF8.CodePage))
        {
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, aborted);
            request.Body.Position = 0;
            Check(body.ToArray());
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
