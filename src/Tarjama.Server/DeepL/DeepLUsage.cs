using System.Collections.Concurrent;
using Tarjama.Jobs;
using Tarjama.Server.Jobs;

namespace Tarjama.Server.DeepL;

/// <summary>Characters translated per caller since the server started, against the operator's quota (DeepL's
/// /v2/usage and its 456 "quota exceeded"). A document is billed at upload and given back if it fails or is cancelled,
/// as DeepL bills only translated documents.</summary>
internal sealed class DeepLUsage
{
    private readonly ServerSettings _settings;
    private readonly JobRunner _runner;
    private readonly ConcurrentDictionary<string, long> _characters = new();

    /// <summary>What each document submitted since the server started was billed, until it ends.</summary>
    private readonly ConcurrentDictionary<string, (string Caller, long Characters)> _documents = new();

    public DeepLUsage(ServerSettings settings, ServerJobs jobs)
    {
        _settings = settings;
        _runner = jobs.Runner;
        _runner.Finished += Settle;
    }

    /// <summary>The limit reported to clients; with no quota set, the largest a DeepL client can hold.</summary>
    public long Limit => _settings.CharacterQuota > 0 ? _settings.CharacterQuota : 1_000_000_000_000;

    public long Of(string caller)
    {
        SettleEnded(caller);
        return _characters.GetValueOrDefault(caller);
    }

    /// <summary>Counts <paramref name="characters"/> for <paramref name="caller"/> (456 for what would pass the quota),
    /// then runs <paramref name="work"/>; work that fails (refused, malformed, the queue full, the client gone) gives
    /// them back, so a refused request, or a client's retries of it, never use up the quota.</summary>
    public async Task<T> SpendOnAsync<T>(string caller, long characters, Func<Task<T>> work)
    {
        if (!TrySpend(caller, characters))
        {
            SettleEnded(caller); // a document that ended a moment ago may have its characters to give back
            if (!TrySpend(caller, characters))
            {
                throw new ApiError(456, "Quota exceeded. The character limit has been reached.");
            }
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

    /// <summary>Follows a document billed at upload until it ends; one that ended already is settled now.</summary>
    public void Follow(JobInfo document, long characters)
    {
        _documents[document.Id] = (document.Spec.Owner, characters);
        if (_runner.Find(document.Id, document.Spec.Owner) is { IsFinished: true } ended)
        {
            Settle(ended);
        }
    }

    /// <summary>A document that failed, or was cancelled (or deleted) through /jobs before it was done, is given back;
    /// one that ended either way is no longer followed.</summary>
    private void Settle(JobInfo document)
    {
        if (_documents.TryRemove(document.Id, out var bill) && document.State is JobState.Failed or JobState.Cancelled)
        {
            GiveBack(bill.Caller, bill.Characters);
        }
    }

    private bool TrySpend(string caller, long characters)
    {
        long total = _characters.AddOrUpdate(caller, characters, (_, used) => used + characters);
        if (_settings.CharacterQuota > 0 && total > _settings.CharacterQuota)
        {
            GiveBack(caller, characters);
            return false;
        }
        return true;
    }

    private void GiveBack(string caller, long characters) => _characters.AddOrUpdate(caller, 0, (_, used) => used - characters);

    /// <summary>Settles the caller's documents that have ended. The runner stores a job's end before it announces it,
    /// so a client that saw the end (on /jobs, say) could otherwise read its bill before the announcement settles it.</summary>
    private void SettleEnded(string caller)
    {
        foreach (var (id, bill) in _documents)
        {
            if (bill.Caller == caller && _runner.Find(id, caller) is { IsFinished: true } ended)
            {
                Settle(ended);
            }
        }
    }
}
