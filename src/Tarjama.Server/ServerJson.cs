using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tarjama.Server;

/// <summary>How the service writes JSON: camelCase names as LibreTranslate's, nulls left out, Arabic written as is.</summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // JSON answers are never embedded in HTML, so < and > need no escapes
    };
}
