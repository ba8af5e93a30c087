using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary>Writes sentence-mode results: one line of text, or one JSON object, per input line.</summary>
internal sealed class SentenceWriter(TextWriter output, bool jsonl)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public void Write(TranslationResult result)
    {
        if (jsonl)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                source = result.Source,
                translation = result.Translation,
                token_ids = result.TokenIds,
                score = Rounded(result.Score),
                alternatives = result.Alternatives.Count == 0 ? null
                    : result.Alternatives.Select(a => new { translation = a.Translation, token_ids = a.TokenIds, score = Rounded(a.Score) }),
            }, Json));
        }
        else
        {
            output.WriteLine(result.Translation);
        }
    }

    private static double? Rounded(double? score) => score is double value ? Math.Round(value, 6) : null;
}
