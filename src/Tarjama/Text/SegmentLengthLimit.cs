namespace Tarjama.Text;

/// <summary>The longest segment the model should see: <paramref name="Limit"/> in the units of <paramref name="Measure"/>
/// (characters when it is null, or e.g. a tokenizer's token count).</summary>
public sealed record SegmentLengthLimit
{
    public SegmentLengthLimit(int limit, Func<string, int>? measure = null)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "a segment length limit must be at least 1");
        }
        Limit = limit;
        Measure = measure;
    }

    /// <summary>400 characters: about a hundred Marian tokens of Arabic, well inside the models' 512.</summary>
    public static SegmentLengthLimit Default { get; } = new(400);

    public int Limit { get; }

    public Func<string, int>? Measure { get; }

    /// <summary>True when <paramref name="range"/> of <paramref name="text"/> is within the limit.</summary>
    public bool Fits(string text, TextRange range) => (Measure is null ? range.Length : Measure(range.Of(text))) <= Limit;
}
