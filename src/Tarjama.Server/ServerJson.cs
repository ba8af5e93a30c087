using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Tarjama.Server;

/// <summary>How the service writes JSON: camelCase names as LibreTranslate's, nulls left out, Arabic written as is.</summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
