using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Tarjama.Jobs;

/// <summary>A job as stored: its spec, state, segment counts once known, and why it failed.</summary>
/// <param name="Resumed">Inputs found in the journal when the job last started.</param>
public sealed record StoredJob(string Id, JobSpec Spec, JobState State, long Total, long Resumed, string? Error, DateTimeOffset Created, DateTimeOffset? Finished);

/// <summary>Jobs on disk, in one folder: their specs and states in SQLite (<c>jobs.sqlite</c>, WAL), each input and
/// finished result as a file under <c>files/</c>. One process at a time holds the folder (a lock file), so two
/// services never run the same jobs.</summary>
public sealed partial class JobStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly FileStream _lock;
    private readonly string _files;
    private readonly object _gate = new();

    /// <exception cref="TarjamaException">The folder cannot be made, is held by another process, or its store is unreadable.</exception>
    public JobStore(string folder)
        : this(folder, TimeSpan.FromSeconds(30))
    {
    }

    /// <param name="folder">The jobs folder.</param>
    /// <param name="busyWait">How long a read or write waits for the database before it fails (tests shorten it).</param>
    internal JobStore(string folder, TimeSpan busyWait)
    {
        Folder = Path.GetFullPath(folder);
        _files = Path.Combine(Folder, "files");
        try
        {
            Directory.CreateDirectory(_files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{folder}: cannot use the jobs folder ({e.Message})");
        }
        _lock = FolderLock.Take(Path.Combine(Folder, "lock"), $"{folder}: the jobs folder is in use by another process (give each service its own jobs folder)",
            reason => $"{folder}: cannot use the jobs folder ({reason})");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Folder, "jobs.sqlite"),
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)busyWait.TotalSeconds),
        }.ToString());
        try
        {
            _connection.Open();
            Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(int)Math.Min(busyWait.TotalMilliseconds, 5000)};" +
                "CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, owner TEXT NOT NULL, state TEXT NOT NULL, spec TEXT NOT NULL," +
                " total INTEGER NOT NULL DEFAULT 0, resumed INTEGER NOT NULL DEFAULT 0, error TEXT, created TEXT NOT NULL, finished TEXT) WITHOUT ROWID;" +
                "CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs (owner, created);");
            CheckWhole(); // a store damaged past its first page opens; its jobs cannot be read
            RemoveOrphans(Query("")); // reading every record also finds one this version cannot read (edited, or a newer version's), which would stop the job workers
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException)
        {
            _connection.Dispose();
            _lock.Dispose();
            string reason = e is SqliteException sqlite ? StoreException.Reason(sqlite, IfDamaged) : $"{e.Message}; {IfDamaged}";
            throw new TarjamaException($"{folder}: cannot open the job store ({reason})");
        }
    }

    private const string IfDamaged = "move jobs.sqlite aside to start with no jobs (finished segments stay in segments.sqlite)";

    /// <summary>SQLite's quick check of the store (a few pages a job): a damaged one is SQLITE_CORRUPT, as it would be at
    /// the first read of its jobs.</summary>
    private void CheckWhole()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        if (command.ExecuteScalar() is string result && result != "ok")
        {
            throw new SqliteException($"SQLite's quick check: {result.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim()}", 11); // its last line names the page
        }
    }

    public string Folder { get; }

    /// <summary>Removes what a killed process left under <c>files/</c>: a result it was writing, and the input or result
    /// of a job not stored (killed between writing its input and storing it, or between forgetting it and removing its
    /// files). Only files named as the store names them go; the folder's lock says no other process writes there.</summary>
    private void RemoveOrphans(IReadOnlyList<StoredJob> jobs)
    {
        TemporaryFiles.RemoveOrphans(_files);
        var known = jobs.Select(job => job.Id).ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var path in Directory.EnumerateFiles(_files))
            {
                if (JobFile().Match(Path.GetFileName(path)) is { Success: true } name && !known.Contains(name.Groups["id"].Value))
                {
                    File.Delete(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next start: the jobs themselves are all there.
        }
    }

    [GeneratedRegex("^(?<id>[0-9a-f]{32})\\.(input|result)$")]
    private static partial Regex JobFile();

    public string InputPath(string id) => Path.Combine(_files, id + ".input");

    public string ResultPath(string id) => Path.Combine(_files, id + ".result");

    /// <summary>Stores a new queued job: its input written first, so a stored job always has one.</summary>
    /// <exception cref="StoreException">The input or the job cannot be stored (the disk full, the store locked): nothing is left behind.</exception>
    public StoredJob Add(JobSpec spec, ReadOnlySpan<byte> input)
    {
        var job = new StoredJob(Guid.NewGuid().ToString("N"), spec, JobState.Queued, 0, 0, null, DateTimeOffset.UtcNow, null);
        try
        {
            File.WriteAllBytes(InputPath(job.Id), input);
            lock (_gate)
            {
                Run("INSERT INTO jobs (id, owner, state, spec, created) VALUES ($id, $owner, $state, $spec, $created)",
                    ("$id", job.Id), ("$owner", spec.Owner), ("$state", Name(JobState.Queued)), ("$spec", JsonSerializer.Serialize(spec)), ("$created", Time(job.Created)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            File.Delete(InputPath(job.Id)); // a file no job names would never be swept
            throw new StoreException($"{Folder}: cannot store the job ({e.Message})");
        }
        return job;
    }

    public StoredJob? Get(string id) => Query("WHERE id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>The owner's jobs, newest first: <paramref name="count"/> of them after skipping <paramref name="skip"/>.</summary>
    public IReadOnlyList<StoredJob> OwnedBy(string owner, int skip, int count) =>
        Query("WHERE owner = $owner ORDER BY created DESC, id LIMIT $count OFFSET $skip", ("$owner", owner), ("$count", count), ("$skip", skip));

    /// <summary>How many jobs the owner has.</summary>
    public long CountOwnedBy(string owner)
    {
        lock (_gate)
        {
            using var command = Command("SELECT COUNT(*) FROM jobs WHERE owner = $owner", [("$owner", owner)]);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>The oldest queued job, now marked running; null when none waits.</summary>
    public StoredJob? ClaimNext()
    {
        lock (_gate)
        {
            var next = Query("WHERE state = $state ORDER BY created LIMIT 1", ("$state", Name(JobState.Queued))).FirstOrDefault();
            if (next is null)
            {
                return null;
            }
            Run("UPDATE jobs SET state = $state WHERE id = $id", ("$state", Name(JobState.Running)), ("$id", next.Id));
            return next with { State = JobState.Running };
        }
    }

    /// <summary>Jobs a stopped (or killed) process was running go back to the queue, to be finished now.</summary>
    public int Requeue() => Run("UPDATE jobs SET state = $queued WHERE state = $running", ("$queued", Name(JobState.Queued)), ("$running", Name(JobState.Running)));

    /// <summary>A running job goes back to the queue (its outcome could not be stored); false when it is not running.</summary>
    public bool Requeue(string id) =>
        Run("UPDATE jobs SET state = $queued WHERE id = $id AND state = $running", ("$queued", Name(JobState.Queued)), ("$id", id), ("$running", Name(JobState.Running))) > 0;

    /// <summary>Records the job's distinct inputs and how many of them the journal held when it started.</summary>
    public void SetCounts(string id, long total, long resumed) =>
        Run("UPDATE jobs SET total = $total, resumed = $resumed WHERE id = $id", ("$total", total), ("$resumed", resumed), ("$id", id));

    /// <summary>Marks a job finished (done, failed or cancelled) unless it is finished already; false when it was.</summary>
    public bool Finish(string id, JobState state, string? error = null) =>
        Run("UPDATE jobs SET state = $state, error = $error, finished = $finished WHERE id = $id AND state IN ($queued, $running)",
            ("$state", Name(state)), ("$error", error), ("$finished", Time(DateTimeOffset.UtcNow)), ("$id", id),
            ("$queued", Name(JobState.Queued)), ("$running", Name(JobState.Running))) > 0;

    /// <summary>Jobs in each state.</summary>
    public Dictionary<JobState, long> CountByState()
    {
        var counts = Enum.GetValues<JobState>().ToDictionary(state => state, _ => 0L);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT state, COUNT(*) FROM jobs GROUP BY state";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[Enum.Parse<JobState>(reader.GetString(0), ignoreCase: true)] = reader.GetInt64(1);
            }
        }
        return counts;
    }

    /// <summary>Finished jobs that finished before <paramref name="before"/>.</summary>
    public IReadOnlyList<StoredJob> FinishedBefore(DateTimeOffset before) => Query("WHERE finished IS NOT NULL AND finished < $before", ("$before", Time(before)));

    /// <summary>Forgets a job, with its input and result.</summary>
    public void Delete(string id)
    {
        Run("DELETE FROM jobs WHERE id = $id", ("$id", id));
        File.Delete(InputPath(id));
        File.Delete(ResultPath(id));
    }

    /// <summary>Removes a finished job's input, which it needs no more.</summary>
    public void DropInput(string id) => File.Delete(InputPath(id));

    private List<StoredJob> Query(string where, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = Command("SELECT id, spec, state, total, resumed, error, created, finished FROM jobs " + where, parameters);
            using var reader = command.ExecuteReader();
            var jobs = new List<StoredJob>();
            while (reader.Read())
            {
                jobs.Add(Read(reader));
            }
            return jobs;
        }
    }

    private int Run(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteNonQuery();
        }
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private void Execute(string sql) => Run(sql);

    /// <exception cref="InvalidDataException">The record is not one this version wrote.</exception>
    private static StoredJob Read(SqliteDataReader reader)
    {
        string id = reader.GetString(0);
        try
        {
            var spec = JsonSerializer.Deserialize<JobSpec>(reader.GetString(1)) ?? throw new JsonException("no job description");
            return new StoredJob(id, spec, Enum.Parse<JobState>(reader.GetString(2), ignoreCase: true), reader.GetInt64(3), reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), Parse(reader.GetString(6)), reader.IsDBNull(7) ? null : Parse(reader.GetString(7)));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new InvalidDataException($"job {id}: its record cannot be read ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static string Name(JobState state) => state.ToString().ToLowerInvariant();

    // Round-trip UTC text sorts as time does, so SQLite compares it directly.
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
    }
}
