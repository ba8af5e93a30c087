using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>The service's Prometheus metrics: requests and their latency by endpoint, queue depth, engine batches and
/// generated tokens (per second through rate(), and for the last batch), and the background jobs'.</summary>
internal sealed class ServerMetrics
{
    private static readonly double[] Seconds = PrometheusHistogram.Exponential(0.001, 2, 16);

    private readonly LanguagePairs _pairs;
    private readonly PrometheusValue _requests = new("tarjama_http_requests_total", "HTTP requests answered, by endpoint and status code.", counter: true, "endpoint", "code");
    private readonly PrometheusHistogram _latency = new("tarjama_http_request_duration_seconds", "Time to answer an HTTP request, by endpoint.", Seconds, "endpoint");
    private readonly PrometheusValue _queued = new("tarjama_queue_segments", "Segments waiting for the engine, by language pair.", counter: false, "pair");
    private readonly PrometheusHistogram _batchSegments = new("tarjama_batch_segments", "Segments in one engine batch, by language pair.", PrometheusHistogram.Exponential(1, 2, 8), "pair");
    private readonly PrometheusHistogram _engineSeconds = new("tarjama_engine_batch_seconds", "Time the engine took for one batch, by language pair.", Seconds, "pair");
    private readonly PrometheusHistogram _queueWait = new("tarjama_queue_wait_seconds", "Longest time a segment of a batch waited for the engine, by language pair.", Seconds, "pair");
    private readonly PrometheusValue _segments = new("tarjama_translated_segments_total", "Segments translated, by language pair.", counter: true, "pair");
    private readonly PrometheusValue _tokens = new("tarjama_generated_tokens_total", "Tokens the engine generated, by language pair.", counter: true, "pair");
    private readonly PrometheusValue _tokensPerSecond = new("tarjama_tokens_per_second", "Tokens generated per second of engine time in the last batch, by language pair.", counter: false, "pair");

    private readonly Jobs.JobMetrics _jobs;

    public ServerMetrics(LanguagePairs pairs, Jobs.ServerJobs jobs)
    {
        _pairs = pairs;
        _jobs = new Jobs.JobMetrics(jobs);
        foreach (var translator in pairs.All)
        {
            translator.BatchTranslated += Record;
        }
    }

    /// <summary>Times every request; the endpoint is the route's pattern so unknown paths cannot grow the label set.</summary>
    public async Task Measure(HttpContext context, RequestDelegate next)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            string endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "other";
            _requests.Add(1, endpoint, context.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
            _latency.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds, endpoint);
        }
    }

    public async Task Export(HttpContext context)
    {
        // Each model has one queue for all its pairs: its queued segments count under its default pair.
        foreach (var queue in _pairs.All.GroupBy(Pair))
        {
            _queued.Set(queue.Sum(t => t.QueuedSegments), queue.Key);
        }
        var text = new StringBuilder();
        foreach (var metric in new PrometheusMetric[] { _requests, _latency, _queued, _batchSegments, _engineSeconds, _queueWait, _segments, _tokens, _tokensPerSecond })
        {
            metric.WriteTo(text);
        }
        await _jobs.WriteToAsync(text);
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }

    private static string Pair(BatchingTranslator translator) => $"{translator.SourceLanguage}-{translator.TargetLanguage}";

    // Under the pair each request asked for: a multilingual model's batch that mixes pairs counts under each of them
    // (its own segments and tokens; the batch's engine time, wait and token rate).
    private void Record(BatchReport report)
    {
        foreach (var share in report.Pairs)
        {
            string pair = $"{share.SourceLanguage}-{share.TargetLanguage}";
            _batchSegments.Observe(share.Segments, pair);
            _engineSeconds.Observe(report.EngineTime.TotalSeconds, pair);
            _queueWait.Observe(report.LongestWait.TotalSeconds, pair);
            _segments.Add(share.Segments, pair);
            _tokens.Add(share.GeneratedTokens, pair);
            if (report.EngineTime > TimeSpan.Zero)
            {
                _tokensPerSecond.Set(report.GeneratedTokens / report.EngineTime.TotalSeconds, pair);
            }
        }
    }
}
