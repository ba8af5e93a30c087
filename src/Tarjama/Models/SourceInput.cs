namespace Tarjama.Models;

/// <summary>A source text as model input: the text's pieces, and the ids a family puts around every run of them
/// (language tokens, end-of-sentence), so an over-long input can be cut into pieces that each get the frame.</summary>
public sealed record SourceInput(int[] Before, List<int> Pieces, int[] After)
{
    public int FrameLength => Before.Length + After.Length;

    public int[] Frame(IReadOnlyList<int> pieces) => [.. Before, .. pieces, .. After];
}
