using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;

namespace Tarjama.Server;

/// <summary>A request's parameters as LibreTranslate reads them: from a JSON object body, or from form fields
/// (urlencoded or multipart) and the query string. Wrong types are refused with a 400, never guessed at.</summary>
internal sealed class RequestFields
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly JsonElement? _json;
    private readonly IFormCollection? _form;
    private readonly IQueryCollection _query;

    private RequestFields(JsonElement? json, IFormCollection? form, IQueryCollection query)
    {
        _json = json;
        _form = form;
        _query = query;
    }

    public bool IsJson => _json is not null;

    /// <summary>Reads the body, refusing one larger than <paramref name="maxBodyBytes"/> (413).</summary>
    public static async Task<RequestFields> ReadAsync(HttpRequest request, long maxBodyBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBodyBytes;
        }
        if (request.ContentLength > maxBodyBytes)
        {
            throw new ApiError(StatusCodes.Status413PayloadTooLarge, "Request body too large");
        }
        // A compressed body would be read as garbage and refused for the wrong reason ("Invalid JSON format", "missing q").
        if (request.Headers.ContentEncoding is { Count: > 0 } encoding && !string.Equals(encoding.ToString().Trim(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiError(StatusCodes.Status415UnsupportedMediaType, $"Unsupported Content-Encoding: {encoding}; send the body uncompressed");
        }
        var aborted = request.HttpContext.RequestAborted;
        await Utf8Fields.CheckAsync(request, aborted);
        if (request.HasJsonContentType())
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, aborted);
            // JsonDocument leaves strings unchecked until read: bad UTF-8 is refused here, before it can fail later.
            if (!Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                throw ApiError.BadRequest("Invalid JSON format");
            }
            var json = body.GetBuffer().AsMemory(0, (int)body.Length);
            // A UTF-8 byte order mark (some editors and Windows tools write one) is not part of the JSON.
            using var document = JsonDocument.Parse(json.Span.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || HasLoneSurrogate(document.RootElement))
            {
                throw ApiError.BadRequest("Invalid JSON format");
            }
            if (NamedTwice(document.RootElement) is { } twice)
            {
                throw ApiError.BadRequest($"Invalid request: {twice} parameter is given twice");
            }
            return new RequestFields(document.RootElement.Clone(), null, request.Query);
        }
        return new RequestFields(null, request.HasFormContentType ? await ReadFormAsync(request, aborted) : null, request.Query);
    }

    /// <summary>A multipart body that ends before its closing boundary is the client's mistake (400), not the server's;
    /// Kestrel's own refusals (too large, too slow) are IOExceptions too and keep their status.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken aborted)
    {
        try
        {
            var form = await request.ReadFormAsync(aborted);
            await Utf8Fields.CheckMultipartAsync(request, form, aborted);
            return form;
        }
        catch (IOException e) when (e is not BadHttpRequestException && !aborted.IsCancellationRequested)
        {
            throw ApiError.BadRequest("Invalid request: the multipart body ends before its closing boundary");
        }
    }

    /// <summary>A field the JSON object names more than once: JSON leaves which one counts to the reader (RFC 8259 4), and
    /// taking either would hide the client's mistake.</summary>
    private static string? NamedTwice(JsonElement root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return root.EnumerateObject().Select(field => field.Name).FirstOrDefault(name => !names.Add(name));
    }

    /// <summary>Whether a string or name anywhere in <paramref name="element"/> has a \uD800-\uDFFF escape without its
    /// pair: JSON parses it, but it is not text, and reading it would fail later.</summary>
    private static bool HasLoneSurrogate(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return false;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Any(HasLoneSurrogate);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name; // decoding the name is the check
                        if (HasLoneSurrogate(property.Value))
                        {
                            return true;
                        }
                    }
                    return false;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>A text parameter; null when absent or empty.</summary>
    public string? Text(string name)
    {
        if (_json is { } json)
        {
            return json.TryGetProperty(name, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => NullIfEmpty(value.GetString()),
                JsonValueKind.Null => null,
                _ => throw ApiError.BadRequest($"Invalid request: {name} parameter must be a string"),
            } : null;
        }
        var values = _form?[name] is { Count: > 0 } inForm ? inForm : _query[name];
        return NullIfEmpty(values.FirstOrDefault());
    }

    /// <summary><c>q</c>: one text, or an array of texts (Batch); null when absent or empty. Form texts get LF line ends.</summary>
    public (IReadOnlyList<string> Texts, bool Batch)? Texts(string name)
    {
        if (_json is { } json && json.TryGetProperty(name, out var value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => NullIfEmpty(value.GetString()) is { } text ? ([text], false) : null,
                JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                    value.GetArrayLength() == 0 ? null : (value.EnumerateArray().Select(item => item.GetString()!).ToList(), true),
                _ => throw ApiError.BadRequest($"Invalid request: {name} parameter must be a string or an array of strings"),
            };
        }
        // Line ends are made LF so that character limits count alike whatever the client sent.
        return !IsJson && Text(name) is { } single ? ([single.ReplaceLineEndings("\n")], false) : null;
    }

    /// <summary>Every value of a parameter that may repeat (DeepL's <c>text</c>, <c>ignore_tags</c>): a JSON string or
    /// array of strings, or each form or query field of that name. Empty when absent.</summary>
    public IReadOnlyList<string> All(string name)
    {
        if (_json is { } json)
        {
            return json.TryGetProperty(name, out var value) ? value.ValueKind switch
            {
                JsonValueKind.Null => [],
                JsonValueKind.String => [value.GetString()!],
                JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                    value.EnumerateArray().Select(item => item.GetString()!).ToList(),
                _ => throw ApiError.BadRequest($"Invalid request: {name} parameter must be a string or an array of strings"),
            } : [];
        }
        var values = _form?[name] is { Count: > 0 } inForm ? inForm : _query[name];
        return values.Select(v => v ?? "").ToList();
    }

    /// <summary>A yes/no parameter: JSON true/false, or "1"/"0"/"true"/"false" in any form; null when absent.</summary>
    public bool? Flag(string name)
    {
        var notAFlag = ApiError.BadRequest($"Invalid request: {name} parameter must be 0, 1, true or false");
        if (_json is { } json && json.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            // As DeepL's own mock server: a JSON number is not a flag, only "0", "1", true and false (and "true", "false").
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw notAFlag;
        }
        return Text(name)?.ToLowerInvariant() switch
        {
            null => null,
            "1" or "true" => true,
            "0" or "false" => false,
            _ => throw notAFlag,
        };
    }

    /// <summary>A whole-number parameter, <paramref name="fallback"/> when absent.</summary>
    public int Number(string name, int fallback)
    {
        string? raw;
        if (_json is { } json && json.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
            {
                return number;
            }
            raw = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Number => value.GetRawText(),
                _ => "",
            };
        }
        else
        {
            raw = IsJson ? null : Text(name);
        }
        if (raw is null)
        {
            return fallback;
        }
        if (int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed))
        {
            return parsed;
        }
        // A whole number too large to hold is out of range, not "not a number".
        throw ApiError.BadRequest(BigInteger.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $"Invalid request: {name} parameter is out of range"
            : $"Invalid request: {name} parameter is not a number");
    }

    public IFormFile? File(string name) => _form?.Files.GetFile(name);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
