namespace Tarjama.Documents;

/// <summary>What an edited target did to one of its segment's inline codes.</summary>
public enum InlineCodeProblem
{
    /// <summary>The code is missing: it was put back where it stood in the source, relatively.</summary>
    Dropped,

    /// <summary>The code is there more than once: the first is kept.</summary>
    Duplicated,

    /// <summary>The code is out of the source's order: the markup was put back in source order.</summary>
    Moved,

    /// <summary>No code of the source has this id: it was left out.</summary>
    Unknown,
}

/// <summary>A problem with an inline code in an edited target, found when merging; the merge repairs it and reports it.</summary>
public sealed record InlineCodeIssue(string SegmentId, int Code, InlineCodeProblem Problem)
{
    public override string ToString() => $"segment {SegmentId}: inline code {Code} {Problem switch
    {
        InlineCodeProblem.Dropped => "was dropped; put back at its source position",
        InlineCodeProblem.Duplicated => "is duplicated; the first kept",
        InlineCodeProblem.Moved => "was moved out of the source's order; markup put back in source order",
        _ => "is not in the source; left out",
    }}";
}
