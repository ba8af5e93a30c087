using Tarjama.Text;

namespace Tarjama.Evaluation;

/// <summary>The reference translations of each segment, read from one or more aligned reference streams.</summary>
/// <remarks>As in sacreBLEU, an empty reference means "no reference here", so segments may have different numbers of
/// references (the signature then says <c>nrefs:var</c>); each segment needs at least one.</remarks>
public sealed class References
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _segments;

    private References(IReadOnlyList<IReadOnlyList<string>> segments)
    {
        _segments = segments;
        var counts = segments.Select(refs => refs.Count).Distinct().ToList();
        CountLabel = counts.Count == 1 ? counts[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : "var";
    }

    /// <summary>Number of segments.</summary>
    public int Count => _segments.Count;

    /// <summary>The non-empty references of one segment.</summary>
    public IReadOnlyList<string> this[int segment] => _segments[segment];

    /// <summary>Number of references per segment as sacreBLEU's signature writes it: a number, or "var".</summary>
    public string CountLabel { get; }

    /// <summary>Builds from reference streams, each holding one reference per segment.</summary>
    public static References FromStreams(IReadOnlyList<IReadOnlyList<string>> streams)
    {
        if (streams.Count == 0)
        {
            throw new TarjamaException("no references given");
        }
        int count = streams[0].Count;
        if (count == 0)
        {
            throw new TarjamaException("the references have no lines");
        }
        for (int s = 1; s < streams.Count; s++)
        {
            if (streams[s].Count != count)
            {
                throw new TarjamaException($"reference {s + 1} has {streams[s].Count} lines but reference 1 has {count}");
            }
        }
        var segments = new IReadOnlyList<string>[count];
        for (int i = 0; i < count; i++)
        {
            segments[i] = streams.Select(stream => stream[i]).Where(reference => reference.Length > 0).ToList();
            if (segments[i].Count == 0)
            {
                throw new TarjamaException($"line {i + 1} has no reference: it is empty in every reference");
            }
        }
        return new References(segments);
    }

    /// <summary>The references of one sentence, one per stream.</summary>
    public static References ForSentence(IReadOnlyList<string> references) =>
        FromStreams(references.Select(reference => (IReadOnlyList<string>)[reference]).ToList());

    /// <summary>The references of the given segments, in that order.</summary>
    public References Select(IReadOnlyList<int> segments) => new(segments.Select(i => _segments[i]).ToList());

    /// <summary>Throws unless there is one hypothesis per segment.</summary>
    internal void CheckAligned(int hypotheses)
    {
        if (hypotheses != Count)
        {
            throw new TarjamaException($"there {(hypotheses == 1 ? "is" : "are")} {Counted.Of(hypotheses, "hypothesis", "hypotheses")} but {Counted.Of(Count, "reference line")}");
        }
    }
}
