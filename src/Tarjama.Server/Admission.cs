using Tarjama.Documents;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>Refuses translation requests at the door when the queue is full, when more requests are already in the
/// server than the queue could take, or when their memory does not fit the budget, before any work is spent on them:
/// the excess gets its 503 fast and the requests held (and their threads and memory) stay bounded. An admitted request
/// translates through its own engine-time budget.</summary>
internal sealed class Admission(ServerSettings settings, MemoryBudget memory)
{
    private readonly int _limit = settings.Batching.MaxQueuedSegments + settings.Batching.MaxBatchSize;
    private int _inside;

    /// <summary>Admits one request for <paramref name="route"/> of <paramref name="size"/>; dispose the result when it
    /// is answered.</summary>
    /// <exception cref="TranslationQueueFullException">The queue is full or the server holds as many requests as it may.</exception>
    /// <exception cref="ApiError">The request's memory does not fit (413 alone, 503 with the others).</exception>
    public Admitted Enter(LanguageRoute route, DocumentSize size, Terminology.TermMatcher? glossary = null)
    {
        var translator = route.Queue;
        int queued = translator.QueuedSegments;
        if (Interlocked.Increment(ref _inside) > _limit || queued >= translator.Options.MaxQueuedSegments)
        {
            Interlocked.Decrement(ref _inside);
            throw new TranslationQueueFullException(queued, translator.Options.MaxQueuedSegments);
        }
        try
        {
            return new Admitted(this, memory.Reserve(size), route.Translator(new EngineTimeBudget(settings.MaxRequestEngineTime), glossary));
        }
        catch
        {
            Interlocked.Decrement(ref _inside);
            throw;
        }
    }

    /// <summary>An admitted request: its translator (charged to its engine-time budget) and its place, given back on dispose.</summary>
    internal sealed class Admitted(Admission admission, IDisposable reservation, BatchingTranslator.RequestTranslator translator) : IDisposable
    {
        private int _left;

        public BatchingTranslator.RequestTranslator Translator { get; } = translator;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                Interlocked.Decrement(ref admission._inside);
                reservation.Dispose();
            }
        }
    }
}
