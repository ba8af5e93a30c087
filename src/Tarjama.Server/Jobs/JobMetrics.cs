using System.Text;
using Tarjama.Jobs;

namespace Tarjama.Server.Jobs;

/// <summary>The background jobs' Prometheus metrics: jobs by state, and segments translated for them by backend
/// (the server's own engine, or the Redis workers); with a Redis queue, its depth, pending and reclaimed batches and
/// each worker's throughput.</summary>
internal sealed class JobMetrics(ServerJobs jobs)
{
    private readonly PrometheusValue _jobs = new("tarjama_jobs", "Background jobs kept, by state (queued, running, done, failed, cancelled).", counter: false, "state");
    private readonly PrometheusValue _segments = new("tarjama_job_segments_total", "Distinct segments translated for background jobs since the server started, by backend (embedded, redis).", counter: true, "backend");

    public async Task WriteToAsync(StringBuilder output)
    {
        foreach (var (state, count) in jobs.Runner.CountByState())
        {
            _jobs.Set(count, state.ToString().ToLowerInvariant());
        }
        foreach (string backend in new[] { "embedded", "redis" })
        {
            _segments.Set(jobs.Runner.TranslatedByBackend.GetValueOrDefault(backend), backend);
        }
        _jobs.WriteTo(output);
        _segments.WriteTo(output);
        if (await jobs.QueueStatsAsync() is { Count: > 0 } queues)
        {
            output.Append(RedisQueueStats.ToPrometheus(queues));
        }
    }
}
