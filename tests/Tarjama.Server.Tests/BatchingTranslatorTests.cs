using Tarjama.Translation;

namespace Tarjama.Server.Tests;

public sealed class BatchingTranslatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Concurrent_requests_share_batches_and_each_gets_its_own_results_in_order()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator { OnBatch = _ => release.Wait(Patience) };
        using var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 64, MaxWait = TimeSpan.FromMilliseconds(50) });
        // The first request holds the engine while the next twenty queue behind it.
        var first = batching.TranslateAsync(["first"]);
        await WaitUntil(() => engine.Calls == 1);
        var requests = Enumerable.Range(0, 20).Select(i => batching.TranslateAsync([$"a{i}", $"b{i}"])).ToList();
        await WaitUntil(() => batching.QueuedSegments == 40);
        release.Set();
        Assert.Equal(["<first>"], await first);
        for (int i = 0; i < requests.Count; i++)
        {
            Assert.Equal([$"<a{i}>", $"<b{i}>"], await requests[i]);
        }
        Assert.Equal([1, 40], engine.BatchSizes);
    }

    [Fact]
    public async Task Batches_never_pass_the_maximum_and_big_requests_are_cut_into_pieces()
    {
        var engine = new EchoTranslator();
        using var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 8 });
        var segments = Enumerable.Range(0, 30).Select(i => $"s{i}").ToList();
        Assert.Equal(segments.Select(s => $"<{s}>"), await batching.TranslateAsync(segments));
        Assert.All(engine.BatchSizes, size => Assert.InRange(size, 1, 8));
        Assert.Equal(30, engine.BatchSizes.Sum());
    }

    [Fact]
    public async Task A_request_larger_than_the_queue_is_fed_through_it_in_parts()
    {
        int most = 0;
        BatchingTranslator? batching = null;
        var engine = new EchoTranslator { OnBatch = _ => most = Math.Max(most, batching!.QueuedSegments) };
        using (batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 4, MaxQueuedSegments = 8 }))
        {
            var segments = Enumerable.Range(0, 300).Select(i => $"s{i}").ToList();
            Assert.Equal(segments.Select(s => $"<{s}>"), await batching.TranslateAsync(segments));
            Assert.InRange(most, 0, 8);
            Assert.Equal(75, engine.Calls);
        }
    }

    [Fact]
    public async Task A_small_request_is_admitted_and_served_between_the_pieces_of_a_big_one()
    {
        using var release = new ManualResetEventSlim();
        var batches = new List<string[]>();
        var engine = new EchoTranslator
        {
            OnBatch = batch =>
            {
                lock (batches)
                {
                    batches.Add([.. batch]);
                }
                release.Wait(Patience);
            },
        };
        using var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 4, MaxQueuedSegments = 8 });
        var big = batching.TranslateAsync(Enumerable.Range(0, 100).Select(i => $"big{i}").ToList());
        await WaitUntil(() => engine.Calls == 1);
        Assert.Equal(4, batching.QueuedSegments); // the big request's next piece only, not all 96 left
        var small = batching.TranslateAsync(["small"]);
        release.Set();
        Assert.Equal(["<small>"], await small);
        await big;
        int servedIn = batches.FindIndex(batch => batch.Contains("small"));
        Assert.InRange(servedIn, 1, 3);
    }

    [Fact]
    public async Task A_request_past_its_engine_time_budget_fails_and_its_later_pieces_never_run()
    {
        var engine = new EchoTranslator { OnBatch = _ => Thread.Sleep(30) };
        using var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 4 });
        var budget = new EngineTimeBudget(TimeSpan.FromMilliseconds(50));
        var segments = Enumerable.Range(0, 200).Select(i => $"s{i}").ToList();
        var error = await Assert.ThrowsAsync<EngineTimeExceededException>(() => batching.TranslateDetailedAsync(segments, budget));
        Assert.Contains("more than 0.05 s of engine time", error.Message);
        Assert.InRange(engine.Calls, 1, 3); // each batch charges at least 30 ms, a busy machine more
        await Assert.ThrowsAsync<EngineTimeExceededException>(() => batching.TranslateDetailedAsync(["later"], budget));
        Assert.Equal(["<other>"], await batching.TranslateAsync(["other"]));
    }

    [Fact]
    public async Task A_lone_request_waits_only_the_arrival_gap_not_the_whole_batch_wait()
    {
        using var batching = BatchingTranslator.For(new EchoTranslator(), new BatchingOptions { MaxWait = TimeSpan.FromSeconds(5), ArrivalGap = TimeSpan.FromMilliseconds(10) });
        var started = DateTime.UtcNow;
        await batching.TranslateAsync(["one"]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Requests_that_trickle_in_within_the_gap_share_one_batch()
    {
        var engine = new EchoTranslator();
        using var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxWait = TimeSpan.FromSeconds(20), ArrivalGap = TimeSpan.FromSeconds(2) });
        var requests = new List<Task<IReadOnlyList<string>>>();
        for (int i = 0; i < 4; i++)
        {
            requests.Add(batching.TranslateAsync([$"{i}"]));
            await Task.Delay(20);
        }
        await Task.WhenAll(requests);
        Assert.Equal([4], engine.BatchSizes);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_and_takes_requests_again_when_drained()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator { OnBatch = _ => release.Wait(Patience) };
        using var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 4, MaxQueuedSegments = 5 });
        var running = batching.TranslateAsync(["running"]);
        await WaitUntil(() => engine.Calls == 1);
        var queued = batching.TranslateAsync(["1", "2", "3", "4"]);
        var full = await Assert.ThrowsAsync<TranslationQueueFullException>(() => batching.TranslateAsync(["5", "6"]));
        Assert.Equal((4, 5), (full.Queued, full.Capacity));
        release.Set();
        await running;
        await queued;
        Assert.Equal(["<7>"], await batching.TranslateAsync(["7"]));
    }

    [Fact]
    public async Task A_cancelled_request_is_skipped_and_the_others_go_on()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator { OnBatch = _ => release.Wait(Patience) };
        using var batching = BatchingTranslator.For(engine);
        var running = batching.TranslateAsync(["running"]);
        await WaitUntil(() => engine.Calls == 1);
        using var cancel = new CancellationTokenSource();
        var cancelled = batching.TranslateAsync(["dropped"], cancel.Token);
        var kept = batching.TranslateAsync(["kept"]);
        cancel.Cancel();
        release.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(["<kept>"], await kept);
        Assert.DoesNotContain(engine.BatchSizes.Skip(1), size => size != 1);
    }

    [Fact]
    public async Task One_request_that_fails_the_engine_does_not_fail_the_requests_batched_with_it()
    {
        using var release = new ManualResetEventSlim();
        var engine = new EchoTranslator
        {
            OnBatch = batch =>
            {
                release.Wait(Patience);
                if (batch.Contains("boom"))
                {
                    throw new InvalidOperationException("engine failure");
                }
            },
        };
        using var batching = BatchingTranslator.For(engine);
        var holder = batching.TranslateAsync(["hold"]);
        await WaitUntil(() => engine.Calls == 1);
        var good = batching.TranslateAsync(["good"]);
        var bad = batching.TranslateAsync(["boom"]);
        release.Set();
        await holder;
        Assert.Equal(["<good>"], await good);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
    }

    [Fact]
    public async Task Dispose_finishes_queued_work_then_refuses_new_requests()
    {
        var engine = new EchoTranslator { OnBatch = _ => Thread.Sleep(20) };
        var batching = BatchingTranslator.For(engine, new BatchingOptions { MaxBatchSize = 2 });
        var pending = Enumerable.Range(0, 5).Select(i => batching.TranslateAsync([$"x{i}"])).ToList();
        batching.Dispose();
        foreach (var task in pending)
        {
            Assert.Single(await task);
        }
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batching.TranslateAsync(["late"]));
    }

    [Fact]
    public async Task Translators_sharing_an_engine_gate_never_run_at_the_same_time()
    {
        int running = 0, most = 0;
        void Track(IReadOnlyList<string> _)
        {
            int now = Interlocked.Increment(ref running);
            lock (this)
            {
                most = Math.Max(most, now);
            }
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
        }
        using var gate = new SemaphoreSlim(1, 1);
        using var arEn = BatchingTranslator.For(new EchoTranslator("ar", "en") { OnBatch = Track }, new BatchingOptions { MaxBatchSize = 1 }, gate);
        using var enAr = BatchingTranslator.For(new EchoTranslator("en", "ar") { OnBatch = Track }, new BatchingOptions { MaxBatchSize = 1 }, gate);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? arEn : enAr).TranslateAsync([$"{i}"])));
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task The_real_engine_batched_gives_what_it_gives_alone_and_reports_generated_tokens()
    {
        using var model = Translator.Load(TestModels.Tiny);
        var sources = new[] { "مرحبا بالعالم", "", "الأخبار اليوم" };
        var alone = model.Translate(sources);
        var reports = new List<BatchReport>();
        using var batching = BatchingTranslator.For(model);
        batching.BatchTranslated += reports.Add;
        var together = await Task.WhenAll(sources.Select(s => batching.TranslateAsync([s])));
        Assert.Equal(alone, together.Select(r => r[0]));
        Assert.True(reports.Sum(r => r.GeneratedTokens) > 0);
        Assert.Equal(3, reports.Sum(r => r.Segments));
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<TarjamaException>(() => BatchingTranslator.For(new EchoTranslator(), new BatchingOptions { MaxBatchSize = 0 }));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(5);
        }
    }
}
