using Tarjama.Decoding;

namespace Tarjama.Tests.Decoding;

/// <summary>A stand-in decoder whose next-token probabilities are a function of the sequence so far, so decoding
/// rules can be checked on cases worked out by hand.</summary>
internal sealed class ScriptedDecoderBatch : IDecoderBatch
{
    private readonly Func<IReadOnlyList<int>, Dictionary<int, double>> _next;
    private List<List<int>> _sequences;
    private int[] _sentenceOfRow;
    private float[][] _logits = [];

    public ScriptedDecoderBatch(int sentences, int start, int vocabSize, Func<IReadOnlyList<int>, Dictionary<int, double>> next)
    {
        _next = next;
        VocabSize = vocabSize;
        _sequences = Enumerable.Range(0, sentences).Select(_ => new List<int> { start }).ToList();
        _sentenceOfRow = Enumerable.Range(0, sentences).ToArray();
        Compute();
    }

    public int Rows => _sequences.Count;
    public int VocabSize { get; }
    public ReadOnlySpan<int> SentenceOfRow => _sentenceOfRow;
    public int Steps { get; private set; } = 1;

    public Span<float> Logits(int row) => _logits[row];

    public void Advance(int[] parents, long[] tokens)
    {
        _sequences = parents.Select((p, i) => new List<int>(_sequences[p]) { (int)tokens[i] }).ToList();
        _sentenceOfRow = parents.Select(p => _sentenceOfRow[p]).ToArray();
        Steps++;
        Compute();
    }

    // Logits are log-probabilities; tokens not listed get -infinity.
    private void Compute() => _logits = _sequences.Select(sequence =>
    {
        var logits = Enumerable.Repeat(float.NegativeInfinity, VocabSize).ToArray();
        foreach (var (token, p) in _next(sequence))
        {
            logits[token] = (float)Math.Log(p);
        }
        return logits;
    }).ToArray();
}
