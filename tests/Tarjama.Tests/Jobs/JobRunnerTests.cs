using System.Text;
using Tarjama.Documents;
using Tarjama.Jobs;
using Tarjama.Tests.Documents;

namespace Tarjama.Tests.Jobs;

/// <summary>The library's job runner without a server, on stand-in engines that record what they are asked.</summary>
public sealed class JobRunnerTests : TempFolderTest
{
    private static readonly JobSpec Spec = new() { Owner = "me", Kind = JobKind.Document, Name = "a.txt", SourceLanguage = "ar", TargetLanguage = "en", Model = "m" };

    [Fact]
    public void A_job_stopped_mid_way_is_finished_by_the_next_runner_without_redoing_a_journaled_input()
    {
        string document = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"قال الرئيس {new string('ب', i + 1)} اليوم")) + "\n";
        string id;
        using (var stalling = new StallingTranslator())
        {
            using (var store = new JobStore(Folder))
            using (var runner = Runner(store, stalling))
            {
                id = runner.Submit(Spec, Encoding.UTF8.GetBytes(document)).Id;
                Assert.True(stalling.Stalled.Wait(TimeSpan.FromMinutes(1)), "the job never reached its second chunk");
            } // stopping the runner stops the job mid-way, still running in the store
        }
        var engine = new LatinizingTranslator();
        using (var store = new JobStore(Folder))
        using (var runner = Runner(store, engine))
        {
            var job = runner.Find(id, "me")!;
            for (int poll = 0; poll < 600 && !job.IsFinished; poll++)
            {
                Thread.Sleep(50);
                job = runner.Find(id, "me")!;
            }
            Assert.Equal(JobState.Done, job.State);
            Assert.Equal(30, job.Total);
            Assert.Equal(30 - 4, engine.Calls.Sum(call => call.Count)); // the first chunk of 4 came from the journal
            Assert.Equal(4, job.Resumed);
            Assert.Equal(new DocumentTranslator(new LatinizingTranslator()).Translate(document, DocumentFormat.Text), File.ReadAllText(runner.ResultPath(job)!));
            Assert.Null(runner.Find(id, "someone else"));
        }
    }

    [Fact]
    public void A_jobs_folder_is_held_by_one_store_at_a_time()
    {
        using var first = new JobStore(Folder);
        var error = Assert.Throws<TarjamaException>(() => new JobStore(Folder));
        Assert.Contains("the jobs folder is in use by another process", error.Message);
    }

    [Fact]
    public void A_jobs_folder_whose_lock_file_cannot_be_opened_is_not_said_to_be_in_use()
    {
        // As a folder the service may not write in (or a read-only one): before, an UnauthorizedAccessException escaped
        // (serve: "internal error"), and a read-only file system was reported as "in use by another process".
        Directory.CreateDirectory(Path.Combine(Folder, "lock"));
        var error = Assert.Throws<TarjamaException>(() => new JobStore(Folder));
        Assert.StartsWith($"{Folder}: cannot use the jobs folder (", error.Message);
        Assert.DoesNotContain("in use", error.Message);
    }

    [Fact]
    public void A_job_whose_outcome_the_store_could_not_take_runs_again_once_it_can()
    {
        string document = string.Join("\n", Enumerable.Range(0, 10).Select(i => $"قال الرئيس {new string('ب', i + 1)} اليوم")) + "\n";
        using var gate = new GateTranslator();
        using var store = new JobStore(Folder, busyWait: TimeSpan.FromMilliseconds(200));
        using var runner = Runner(store, gate);
        string id = runner.Submit(Spec, Encoding.UTF8.GetBytes(document)).Id;
        Assert.True(gate.Entered.Wait(TimeSpan.FromMinutes(1)), "the job never reached the engine");

        // Another process holds the store's write lock (or its disk is full) while the job finishes: neither "done"
        // nor "failed" can be written. Before, the job stayed "running" until the service was restarted.
        using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "jobs.sqlite")};Pooling=False"))
        {
            holder.Open();
            using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            hold.ExecuteNonQuery();
            gate.Open.Set();
            Thread.Sleep(TimeSpan.FromSeconds(3));
            Assert.Equal(JobState.Running, runner.Find(id, "me")!.State);
            hold.CommandText = "ROLLBACK";
            hold.ExecuteNonQuery();
        }
        var job = runner.Find(id, "me")!;
        for (int poll = 0; poll < 600 && !job.IsFinished; poll++)
        {
            Thread.Sleep(50);
            job = runner.Find(id, "me")!;
        }
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(new DocumentTranslator(new LatinizingTranslator()).Translate(document, DocumentFormat.Text), File.ReadAllText(runner.ResultPath(job)!));
        Assert.Equal(3, gate.Calls); // 10 inputs in chunks of 4, once: the run again took them all from the journal
    }

    [Fact]
    public void A_submission_the_store_cannot_take_leaves_no_input_file_behind()
    {
        using var store = new JobStore(Folder, busyWait: TimeSpan.FromMilliseconds(200));
        using var runner = Runner(store, new LatinizingTranslator());
        using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "jobs.sqlite")};Pooling=False");
        holder.Open();
        using var hold = holder.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE"; // as another process writing, or a full disk: the job's row cannot be written
        hold.ExecuteNonQuery();

        var error = Assert.Throws<StoreException>(() => runner.Submit(Spec, Encoding.UTF8.GetBytes("قال الرئيس\n")));
        Assert.StartsWith($"{store.Folder}: cannot store the job (", error.Message);
        // Before, the input stayed in files/ for ever: no job names it, so no sweep removes it.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Folder, "files")));
    }

    [Fact]
    public void A_damaged_job_store_is_one_clear_error_at_start()
    {
        using (var made = new JobStore(Folder))
        {
            made.Add(Spec, Encoding.UTF8.GetBytes("قال الرئيس\n"));
        }
        var path = Path.Combine(Folder, "jobs.sqlite");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 4096);
        Array.Fill(bytes, (byte)0xff, 4096, bytes.Length - 4096); // the schema whole, so it opens; the jobs garbage
        File.WriteAllBytes(path, bytes);

        // Before: the store opened, and the runner's first read threw a SqliteException (serve: "internal error", exit 70).
        var error = StartingFails();
        Assert.StartsWith($"{Folder}: cannot open the job store (", error.Message);
        Assert.EndsWith("the file is damaged: move jobs.sqlite aside to start with no jobs (finished segments stay in segments.sqlite))", error.Message);
        using var again = new FileStream(Path.Combine(Folder, "lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None); // released
    }

    [Theory]
    [InlineData("spec", "'{not json'")]
    [InlineData("spec", "'null'")]
    [InlineData("state", "'paused'")]
    [InlineData("created", "'yesterday'")]
    public void A_job_record_this_version_cannot_read_is_one_clear_error_at_start(string column, string value)
    {
        string id;
        using (var made = new JobStore(Folder))
        {
            id = made.Add(Spec, Encoding.UTF8.GetBytes("قال الرئيس\n")).Id;
        }
        using (var edit = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "jobs.sqlite")};Pooling=False"))
        {
            edit.Open();
            using var update = edit.CreateCommand();
            update.CommandText = $"UPDATE jobs SET {column} = {value}"; // edited by hand, or written by a newer version
            update.ExecuteNonQuery();
        }

        // Before: the store opened, and the job worker's first read threw on its own thread: serve aborted with a stack
        // trace (exit 134), at every start.
        var error = StartingFails();
        Assert.StartsWith($"{Folder}: cannot open the job store (job {id}: its record cannot be read (", error.Message);
        Assert.EndsWith("; move jobs.sqlite aside to start with no jobs (finished segments stay in segments.sqlite))", error.Message);
    }

    /// <summary>The one-line error of a service starting on <see cref="Folder"/> (its store, then its runner).</summary>
    private TarjamaException StartingFails()
    {
        var error = Assert.Throws<TarjamaException>(() =>
        {
            using var store = new JobStore(Folder);
            using var runner = Runner(store, new LatinizingTranslator());
        });
        Assert.DoesNotContain("\n", error.Message);
        return error;
    }

    private JobRunner Runner(JobStore store, ISegmentTranslator engine) =>
        new(store, Path.Combine(Folder, "segments.sqlite"), _ => new JobEngine(engine, "m", ChunkSegments: 4, "embedded", new DocumentTranslationOptions()), new JobRunnerOptions());

    /// <summary>Holds each call until <see cref="Open"/> is set, then translates it.</summary>
    private sealed class GateTranslator : ISegmentTranslator, IDisposable
    {
        private int _calls;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Open { get; } = new();

        public int Calls => _calls;

        public string SourceLanguage => "ar";

        public string TargetLanguage => "en";

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            Entered.Set();
            Open.Wait(cancellationToken);
            return [.. segments.Select(LatinizingTranslator.Latinize)];
        }

        public void Dispose()
        {
            Entered.Dispose();
            Open.Dispose();
        }
    }

    /// <summary>Translates its first call, then holds the second until it is cancelled, as an engine stopped mid-job.</summary>
    private sealed class StallingTranslator : ISegmentTranslator, IDisposable
    {
        private int _calls;

        public ManualResetEventSlim Stalled { get; } = new();

        public string SourceLanguage => "ar";

        public string TargetLanguage => "en";

        public IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) > 1)
            {
                Stalled.Set();
                cancellationToken.WaitHandle.WaitOne();
                cancellationToken.ThrowIfCancellationRequested();
            }
            return [.. segments.Select(LatinizingTranslator.Latinize)];
        }

        public void Dispose() => Stalled.Dispose();
    }
}
