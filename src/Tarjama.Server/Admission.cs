using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>Refuses translation requests at the door when the queue is full or more requests are already in the
/// server than the queue could take, before any work is spent on them: the excess gets its 503 fast and the number of
/// requests held (and their threads and memory) stays bounded.</summary>
internal sealed class Admission(ServerSettings settings)
{
    private readonly int _limit = settings.Batching.MaxQueuedSegments + settings.Batching.MaxBatchSize;
    private int _inside;

    /// <summary>Admits one request for <paramref name="translator"/>; dispose the result when it is answered.</summary>
    /// <exception cref="TranslationQueueFullException">The queue is full or the server holds as many requests as it may.</exception>
    public IDisposable Enter(BatchingTranslator translator)
    {
        int queued = translator.QueuedSegments;
        if (Interlocked.Increment(ref _inside) > _limit || queued >= translator.Options.MaxQueuedSegments)
        {
            Interlocked.Decrement(ref _inside);
            throw new TranslationQueueFullException(queued, translator.Options.MaxQueuedSegments);
        }
        return new Ticket(this);
    }

    private sealed class Ticket(Admission admission) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                Interlocked.Decrement(ref admission._inside);
            }
        }
    }
}
