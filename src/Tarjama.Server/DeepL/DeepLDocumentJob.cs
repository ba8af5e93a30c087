namespace Tarjama.Server.DeepL;

/// <summary>One uploaded document on its way through the engine: DeepL's queued → translating → done | error.</summary>
internal sealed class DeepLDocumentJob(string id, string key, string caller, string fileName, string resultPath, long characters)
{
    private volatile string _status = "queued";

    public string Id { get; } = id;
    public string Key { get; } = key;
    public string Caller { get; } = caller;
    public string FileName { get; } = fileName;
    public string ResultPath { get; } = resultPath;
    public long Characters { get; } = characters;
    public DateTime Created { get; } = DateTime.UtcNow;
    public string Status => _status;
    public string? Error { get; private set; }

    public async Task Run(ISegmentTranslator translator, byte[] content, Documents.DocumentTranslationOptions options, CancellationToken stopping)
    {
        _status = "translating";
        try
        {
            while (true)
            {
                try
                {
                    await using var output = File.Create(ResultPath);
                    await SupportedFiles.Translate(translator, () => new MemoryStream(content, writable: false), FileName, output, options, stopping);
                    break;
                }
                catch (Translation.TranslationQueueFullException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping); // a busy engine delays a background document, never fails it
                }
            }
            _status = "done";
        }
        catch (Exception e)
        {
            // A user's document that cannot be read says why; anything else is ours, and the message is generic.
            Error = e is TarjamaException ? e.Message : "the document could not be translated";
            Delete();
            _status = "error";
        }
    }

    public void Delete() => File.Delete(ResultPath);
}
