using System.Collections.Concurrent;

namespace Tarjama.Server.DeepL;

/// <summary>Characters translated per caller since the server started, against the operator's quota (DeepL's
/// /v2/usage and its 456 "quota exceeded").</summary>
internal sealed class DeepLUsage(ServerSettings settings)
{
    private readonly ConcurrentDictionary<string, long> _characters = new();

    /// <summary>The limit reported to clients; with no quota set, the largest a DeepL client can hold.</summary>
    public long Limit => settings.CharacterQuota > 0 ? settings.CharacterQuota : 1_000_000_000_000;

    public long Of(string caller) => _characters.GetValueOrDefault(caller);

    /// <summary>Counts <paramref name="characters"/> for <paramref name="caller"/> (456 for what would pass the quota),
    /// then runs <paramref name="work"/>; work that fails (refused, malformed, the queue full, the client gone) gives
    /// them back, so a refused request, or a client's retries of it, never use up the quota.</summary>
    public async Task<T> SpendOnAsync<T>(string caller, long characters, Func<Task<T>> work)
    {
        long total = _characters.AddOrUpdate(caller, characters, (_, used) => used + characters);
        if (settings.CharacterQuota > 0 && total > settings.CharacterQuota)
        {
            GiveBack(caller, characters);
            throw new ApiError(456, "Quota exceeded. The character limit has been reached.");
        }
        try
        {
            return await work();
        }
        catch
        {
            GiveBack(caller, characters);
            throw;
        }
    }

    /// <summary>Takes <paramref name="characters"/> off what <paramref name="caller"/> has used (work that failed after it was counted).</summary>
    public void GiveBack(string caller, long characters) => _characters.AddOrUpdate(caller, 0, (_, used) => used - characters);
}
