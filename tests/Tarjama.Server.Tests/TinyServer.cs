using Tarjama.Translation;

namespace Tarjama.Server.Tests;

/// <summary>One server over the tiny real model, shared by a test class; small limits so tests can pass them.</summary>
public sealed class TinyServer : IAsyncLifetime
{
    public const int CharLimit = 300;
    public const int BatchLimit = 8;
    public const int MaxBodyBytes = 64 * 1024;

    private Translator? _model;
    private RunningServer? _server;

    internal RunningServer Server => _server!;

    /// <summary>The model behind the server, to compare its answers with the library's.</summary>
    public Translator Model => _model!;

    public async Task InitializeAsync()
    {
        _model = Translator.Load(TestModels.Tiny, new TranslatorOptions { Generation = new() { MaxNewTokens = 8 } });
        _server = await RunningServer.Start(new ServerSettings { CharLimit = CharLimit, BatchLimit = BatchLimit, MaxBodyBytes = MaxBodyBytes, MaxUploadBytes = 256 * 1024 }, _model);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _model!.Dispose();
    }
}
