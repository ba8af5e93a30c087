namespace Tarjama.Documents;

/// <summary>How XML is cut into blocks, as DeepL's <c>outline_detection</c>, <c>splitting_tags</c> and
/// <c>non_splitting_tags</c> say: splitting elements start blocks of their own, non-splitting ones are inline, and the
/// rest are told apart by the outline (an element among text is inline; one among elements only starts a block).</summary>
public sealed record XmlStructure
{
    /// <summary>Whether elements named in neither list are told apart by the outline; when off, they are all inline.</summary>
    public bool OutlineDetection { get; init; } = true;

    public IReadOnlyList<string> SplittingElements { get; init; } = [];

    public IReadOnlyList<string> NonSplittingElements { get; init; } = [];
}
