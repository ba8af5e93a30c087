using Tarjama.Memory;

namespace Tarjama.Server.Tests;

/// <summary>A server's memory file that is damaged (or locked, or its disk full) is the server's failure: 500 in the API's
/// shape, not a 400 that tells the client its request was wrong.</summary>
public sealed class DamagedMemoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tarjama-damaged-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_damaged_memory_file_answers_500_not_400()
    {
        var path = Path.Combine(_folder, "desk.tm");
        Testing.DamagedMemory.Write(path);

        using var memory = TranslationMemory.Open(path, create: false);
        await using var server = await RunningServer.Start(new ServerSettings { Memory = new ServerMemory([(null, memory)], null, 0.75) }, new EchoTranslator());
        // A StoreException is a TarjamaException, which is otherwise the request's fault (400, with the server's file path).
        await RunningServer.AssertError(await server.PostJson("/translate", """{"q": "وصل abc إلى دمشق.", "source": "ar", "target": "en"}"""),
            500, "Internal error: the request could not be completed");
    }
}
