namespace Tarjama.Server;

/// <summary>The operator's limits on the texts of one request: how many, and how long each may be.</summary>
internal static class RequestLimits
{
    public static void Check(ServerSettings settings, IReadOnlyList<string> texts)
    {
        if (settings.BatchLimit != -1 && texts.Count > settings.BatchLimit)
        {
            throw ApiError.OverLimit(texts.Count, settings.BatchLimit);
        }
        if (settings.CharLimit != -1 && texts.FirstOrDefault(text => text.Length > settings.CharLimit) is { } tooLong)
        {
            throw ApiError.OverLimit(tooLong.Length, settings.CharLimit);
        }
    }
}
