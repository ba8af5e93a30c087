namespace Tarjama.Documents;

/// <summary>A segment and its translation, where it stands: the block (paragraph) index and the segment's index in it,
/// from 0; with what the quality checks found (null when they did not run).</summary>
public sealed record SegmentPair(int Paragraph, int Segment, string Source, string Target, IReadOnlyList<Quality.QualityIssue>? Qa = null);
