namespace Tarjama.Server.DeepL;

/// <summary>Who calls the DeepL API: the key in <c>Authorization: DeepL-Auth-Key KEY</c> (or the old <c>auth_key</c>
/// field), checked against the server's API keys and rate limits.</summary>
internal static class DeepLCaller
{
    private const string Scheme = "DeepL-Auth-Key ";

    /// <returns>The caller's identity for usage counting.</returns>
    public static string Check(HttpContext context, AccessGuard access, RequestFields? fields)
    {
        string? header = context.Request.Headers.Authorization.FirstOrDefault();
        string? key = header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? header[Scheme.Length..].Trim()
            : fields?.Text("auth_key");
        if (string.IsNullOrEmpty(key) && access.RequiresKey)
        {
            // DeepL refuses a request without a key as it does a wrong one, and its clients read 403 as "check the key".
            throw new ApiError(StatusCodes.Status403Forbidden, "Authorization failed: send a key as Authorization: DeepL-Auth-Key KEY");
        }
        return access.CheckKey(context, string.IsNullOrEmpty(key) ? null : key);
    }
}
