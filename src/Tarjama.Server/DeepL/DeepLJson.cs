using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tarjama.Server.DeepL;

/// <summary>DeepL's JSON: snake_case names, nulls left out, text written as is.</summary>
internal static class DeepLJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
