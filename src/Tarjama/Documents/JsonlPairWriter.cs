using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tarjama.Documents;

/// <summary>One JSON object per line and segment: {"paragraph", "segment", "source", "target", "id", "origin"}, then
/// "matches" (fuzzy memory matches) and "notes" when there are any, and "qa" (the quality checks' findings,
/// [{"check", "message"}], empty for none) when they ran; Arabic written as is.</summary>
internal sealed class JsonlPairWriter(TextWriter output) : SegmentPairWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write(SegmentPair pair)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, _options))
        {
            json.WriteStartObject();
            json.WriteNumber("paragraph", pair.Paragraph);
            json.WriteNumber("segment", pair.Segment);
            json.WriteString("source", pair.Source);
            json.WriteString("target", pair.Target);
            json.WriteString("id", pair.Id);
            json.WriteString("origin", pair.Origin.ToString());
            if (pair.Matches.Count > 0)
            {
                json.WriteStartArray("matches");
                foreach (var match in pair.Matches)
                {
                    json.WriteStartObject();
                    json.WriteNumber("score", Math.Round(match.Score, 4));
                    json.WriteString("source", match.Source);
                    json.WriteString("target", match.Target);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (pair.Qa is { } issues)
            {
                json.WriteStartArray("qa");
                foreach (var issue in issues)
                {
                    json.WriteStartObject();
                    json.WriteString("check", issue.Check);
                    json.WriteString("message", issue.Message);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (pair.Notes.Count > 0)
            {
                json.WriteStartArray("notes");
                pair.Notes.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        output.Write('\n');
    }

    public override void Complete()
    {
    }
}
