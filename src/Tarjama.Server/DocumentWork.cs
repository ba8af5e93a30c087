namespace Tarjama.Server;

/// <summary>Runs document translation, which waits on the batching queue synchronously, on a thread of its own, so a
/// request waiting for the engine never holds a thread-pool thread that other requests need.</summary>
internal static class DocumentWork
{
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task Run(Action work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
