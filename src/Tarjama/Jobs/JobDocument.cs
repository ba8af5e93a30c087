using System.Text.Json;
using Tarjama.Documents;

namespace Tarjama.Jobs;

/// <summary>A job's input read through a translator and written out: a document as <see cref="DocumentTranslator"/>
/// reads and writes it (Word stays Word), or a batch of texts (a JSON array), each read as a document of its own and
/// written as <c>{"translatedText": [...]}</c>.</summary>
internal static class JobDocument
{
    /// <exception cref="TarjamaException">The input cannot be read as its format.</exception>
    public static void Render(JobSpec spec, DocumentTranslationOptions options, string inputPath, ISegmentTranslator translator, Stream output, CancellationToken cancellationToken)
    {
        if (spec.Kind == JobKind.Document)
        {
            using var input = File.OpenRead(inputPath);
            new DocumentTranslator(translator, options with { Format = spec.Format }).Translate(input, spec.Name, output, null, cancellationToken);
            return;
        }
        var texts = JsonSerializer.Deserialize<string[]>(File.ReadAllBytes(inputPath)) ?? [];
        var documents = new DocumentTranslator(translator, options);
        var translated = texts.Select(text => documents.Translate(text, spec.Format ?? DocumentFormat.Text, cancellationToken)).ToList();
        JsonSerializer.Serialize(output, new Dictionary<string, IReadOnlyList<string>> { ["translatedText"] = translated });
    }
}
