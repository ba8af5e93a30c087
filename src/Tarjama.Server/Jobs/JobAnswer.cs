using System.Text.Json.Serialization;
using Tarjama.Jobs;

namespace Tarjama.Server.Jobs;

/// <summary>A job as the /jobs API describes it.</summary>
internal sealed record JobAnswer(
    string Id,
    string Kind,
    string Name,
    string Source,
    string Target,
    string Model,
    string Status,
    JobAnswer.Segments Progress,
    [property: JsonPropertyName("eta_seconds")] double? EtaSeconds,
    string? Error,
    DateTimeOffset Created,
    DateTimeOffset? Finished,
    DateTimeOffset? Expires)
{
    /// <param name="Resumed">Segments found finished in the journal when the job last started (after a restart: not redone).</param>
    public sealed record Segments(long Done, long Total, long Resumed);

    public static JobAnswer Of(JobInfo job, TimeSpan retention) => new(
        job.Id,
        job.Spec.Kind.ToString().ToLowerInvariant(),
        job.Spec.Name,
        job.Spec.SourceLanguage,
        job.Spec.TargetLanguage,
        job.Spec.Model,
        job.State.ToString().ToLowerInvariant(),
        new Segments(job.Done, job.Total, job.Resumed),
        job.Remaining is { } remaining ? Math.Round(remaining.TotalSeconds, 1) : null,
        job.Error,
        job.Created,
        job.Finished,
        job.Finished + retention);
}
