using System.Text;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>The kinds of file /translate_file accepts, by extension, and how each is translated.</summary>
internal sealed class SupportedFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public bool Accepts(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>The file's translation, same layout; refused with a 400 unless it is UTF-8 text.</summary>
    public async Task<string> TranslateAsync(BatchingTranslator translator, IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw ApiError.BadRequest("Invalid request: the file is not UTF-8 text");
        }
        string newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var translated = await TextTranslation.TranslateAsync(translator, [text.ReplaceLineEndings("\n")], cancellationToken);
        return translated[0].ReplaceLineEndings(newLine);
    }
}
