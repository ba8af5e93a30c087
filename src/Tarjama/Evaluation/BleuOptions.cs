namespace Tarjama.Evaluation;

/// <summary>How BLEU treats n-gram orders without matches (Chen and Cherry 2014); sacreBLEU's default is <see cref="Exp"/>.</summary>
public enum BleuSmoothing
{
    /// <summary>mteval-v13a.pl's method 3: the k-th order without matches counts 1/2^k matches.</summary>
    Exp,

    /// <summary>No smoothing: any order without matches makes the score 0.</summary>
    None,

    /// <summary>Method 1: orders without matches count <see cref="BleuOptions.SmoothValue"/> matches (default 0.1).</summary>
    Floor,

    /// <summary>Method 2: orders above 1 add <see cref="BleuOptions.SmoothValue"/> (default 1) to matches and totals.</summary>
    AddK,
}

/// <summary>BLEU's settings; the defaults are sacreBLEU's (13a tokens, exp smoothing, orders 1 to 4).</summary>
public sealed record BleuOptions
{
    public BleuSmoothing Smoothing { get; init; } = BleuSmoothing.Exp;

    /// <summary>The value for <see cref="BleuSmoothing.Floor"/> and <see cref="BleuSmoothing.AddK"/>; null for their default.</summary>
    public double? SmoothValue { get; init; }

    /// <summary>Average only over the orders the hypothesis has n-grams of (what sentence-level BLEU needs).</summary>
    public bool EffectiveOrder { get; init; }

    public int MaxNgramOrder { get; init; } = 4;
}
