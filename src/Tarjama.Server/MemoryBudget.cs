using Tarjama.Documents;

namespace Tarjama.Server;

/// <summary>Bounds the memory that the requests being translated take together: each reserves an estimate of its peak
/// before any work and returns it when answered; when the last large one leaves, the heap is compacted so the memory
/// goes back to the system instead of staying with the process.</summary>
/// <remarks>Markdown and HTML are read whole and become a tree, blocks and segments: their peak grows with their size
/// and far more with how many blocks, cells and elements they hold. Measured on generated documents from long
/// paragraphs (18–22 bytes of memory per byte of input) to one-letter paragraphs and table cells (up to 640), every
/// peak stayed under 32 bytes a byte plus 2,100 bytes a break (line end, table bar, tag opening); one rate per byte
/// would have to be 640 to hold them all. Plain text streams by windows and needs far less. A
/// Word document is held as its package and a tree of its XML parts: about 40 bytes per byte those parts unpack to,
/// measured on a story of 30,000 paragraphs (a package of 190 KB whose XML is 9.7 MB).</remarks>
internal sealed class MemoryBudget(ServerSettings settings)
{
    private const long BytesPerMarkupByte = 32;
    private const long BytesPerMarkupBreak = 2100;
    private const long BytesPerTextByte = 16;
    private const long BytesPerDocxByte = 48;
    private const long LargeRequest = 64 << 20;

    private readonly object _lock = new();
    private long _reserved;
    private bool _compactWhenIdle;

    /// <summary>Reserves room for a request of <paramref name="size"/> (for <see cref="DocumentFormat.Docx"/>, the
    /// package's bytes and what its XML parts unpack to); dispose the result when it is answered.</summary>
    /// <exception cref="ApiError">413 when the request alone needs more than the budget, 503 when others hold it.</exception>
    public IDisposable Reserve(DocumentSize size)
    {
        long estimate = CheckFits(size);
        lock (_lock)
        {
            if (_reserved + estimate > settings.MemoryBudgetBytes)
            {
                throw new ApiError(StatusCodes.Status503ServiceUnavailable, "the server is busy with other large requests; try again shortly")
                {
                    Headers = new Dictionary<string, string> { ["Retry-After"] = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                };
            }
            _reserved += estimate;
            _compactWhenIdle |= estimate >= LargeRequest;
        }
        return new Reservation(this, estimate);
    }

    /// <summary>Refuses a request that alone needs more than the whole budget, reserving nothing: a background job runs
    /// later, but no sooner within the budget. Returns the estimate.</summary>
    /// <exception cref="ApiError">413.</exception>
    public long CheckFits(DocumentSize size)
    {
        long bytes = Math.Max(1, size.Bytes);
        long estimate = size.Format switch
        {
            DocumentFormat.Text => bytes * BytesPerTextByte,
            DocumentFormat.Docx => bytes * BytesPerDocxByte,
            _ => bytes * BytesPerMarkupByte + size.Breaks * BytesPerMarkupBreak,
        };
        if (estimate > settings.MemoryBudgetBytes)
        {
            throw new ApiError(StatusCodes.Status413PayloadTooLarge,
                $"Request too large to translate: it needs about {estimate >> 20} MB of memory, more than the server's {settings.MemoryBudgetBytes >> 20} MB (send plain text, or a smaller document)");
        }
        return estimate;
    }

    /// <summary>Memory reserved now, in bytes.</summary>
    public long Reserved
    {
        get
        {
            lock (_lock)
            {
                return _reserved;
            }
        }
    }

    private void Release(long estimate)
    {
        lock (_lock)
        {
            _reserved -= estimate;
            if (_reserved > 0 || !_compactWhenIdle)
            {
                return;
            }
            _compactWhenIdle = false;
        }
        // Off the request's thread: a full compacting collection can take a while on a big heap.
        ThreadPool.QueueUserWorkItem(_ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
    }

    private sealed class Reservation(MemoryBudget budget, long estimate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release(estimate);
            }
        }
    }
}
