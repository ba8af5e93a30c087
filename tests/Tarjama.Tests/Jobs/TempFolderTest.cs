namespace Tarjama.Tests.Jobs;

/// <summary>A test class with a fresh temporary folder per test, deleted after it.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("tarjama-jobs-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
