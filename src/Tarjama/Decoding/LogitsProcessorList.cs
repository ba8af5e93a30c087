namespace Tarjama.Decoding;

/// <summary>The processors a generation config asks for, in the order Hugging Face applies them.</summary>
public sealed class LogitsProcessorList(IReadOnlyList<ILogitsProcessor> processors)
{
    private readonly bool _keepsOrder = processors.All(p => p.KeepsOrder);

    public IReadOnlyList<ILogitsProcessor> Processors => processors;

    /// <summary>Whether the last processor turns scores into log-probabilities.</summary>
    public bool Normalizes => processors.Count > 0 && processors[^1] is LogSoftmax;

    /// <summary>The processors before the final log-softmax, if there is one.</summary>
    public LogitsProcessorList Unnormalized => Normalizes ? _unnormalized ??= new LogitsProcessorList([.. processors.Take(processors.Count - 1)]) : this;

    private LogitsProcessorList? _unnormalized;

    /// <summary>Whether every processor keeps each score's order (<see cref="ILogitsProcessor.KeepsOrder"/>).</summary>
    public bool KeepsOrder => _keepsOrder;

    /// <summary>The log-probability of <paramref name="token"/> in a row these processors have processed.</summary>
    public float ScoreOf(ReadOnlySpan<float> processed, int token) => Normalizes ? processed[token] : LogSoftmax.Of(processed, token);

    public static LogitsProcessorList From(GenerationSettings settings)
    {
        var list = new List<ILogitsProcessor>();
        if (settings.RepetitionPenalty != 1f)
        {
            list.Add(new RepetitionPenalty(settings.RepetitionPenalty));
        }
        if (settings.NoRepeatNgramSize > 0)
        {
            list.Add(new NoRepeatNgram(settings.NoRepeatNgramSize));
        }
        var badWords = new BadWords(settings.BadWordsIds, settings.EosTokenIds);
        if (!badWords.IsEmpty)
        {
            list.Add(badWords);
        }
        if (settings.ForcedEosTokenId is int forced)
        {
            list.Add(new ForcedEos(settings.MaxLength, forced));
        }
        if (settings.RenormalizeLogits)
        {
            list.Add(new LogSoftmax());
        }
        return new LogitsProcessorList(list);
    }

    public void Process(ReadOnlySpan<int> sequence, Span<float> scores)
    {
        foreach (var processor in processors)
        {
            processor.Process(sequence, scores);
        }
    }
}
