namespace Tarjama.Evaluation;

/// <summary>chrF's settings; the defaults are sacreBLEU's chrF2 (chrF++ is <see cref="WordOrder"/> 2).</summary>
public sealed record ChrfOptions
{
    public int CharOrder { get; init; } = 6;

    /// <summary>Word n-gram orders added to the character orders: 0 for chrF, 2 for chrF++.</summary>
    public int WordOrder { get; init; }

    /// <summary>How much more recall weighs than precision.</summary>
    public int Beta { get; init; } = 2;

    /// <summary>Keep whitespace inside character n-grams (sacreBLEU removes it by default).</summary>
    public bool IncludeWhitespace { get; init; }

    /// <summary>chrF++.py's epsilon smoothing instead of sacreBLEU's default averaging over the orders that have n-grams.</summary>
    public bool EpsSmoothing { get; init; }

    /// <summary>sacreBLEU's chrF++ (character orders 1-6, word orders 1-2, beta 2).</summary>
    public static ChrfOptions ChrfPlusPlus { get; } = new() { WordOrder = 2 };
}
