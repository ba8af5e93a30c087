namespace Tarjama.Jobs;

/// <summary>A job as its owner sees it: its state, how far it has got and when it finished.</summary>
/// <param name="Done">Distinct model inputs finished, found in the journal or translated.</param>
/// <param name="Total">Distinct model inputs the job needs; 0 until it has been read.</param>
/// <param name="Resumed">Inputs found finished in the journal when the job last started (work not redone).</param>
/// <param name="Remaining">Time left at the rate of this run so far; null until something was translated.</param>
public sealed record JobInfo(string Id, JobSpec Spec, JobState State, long Done, long Total, long Resumed, string? Error,
    DateTimeOffset Created, DateTimeOffset? Finished, TimeSpan? Remaining)
{
    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled;
}
