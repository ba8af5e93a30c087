using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Tarjama.Models;

/// <summary>A model's translation direction: from <c>tokenizer_config.json</c> (source_lang, target_lang), else from
/// an OPUS-MT folder name such as <c>opus-mt-ar-en</c>.</summary>
public static partial class ModelLanguages
{
    private sealed record TokenizerConfig
    {
        [JsonPropertyName("source_lang")] public string? SourceLang { get; init; }
        [JsonPropertyName("target_lang")] public string? TargetLang { get; init; }
    }

    public static (string Source, string Target) Read(ModelFolder folder)
    {
        string path = folder.File("tokenizer_config.json");
        if (File.Exists(path) && ModelJson.Read<TokenizerConfig>(path) is { SourceLang: { } source, TargetLang: { } target })
        {
            return (source, target);
        }
        var match = OpusName().Match(Path.GetFileName(Path.GetFullPath(folder.Path).TrimEnd(Path.DirectorySeparatorChar)));
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : ("ar", "en");
    }

    [GeneratedRegex(@"opus-mt-(?:tc-big-)?([a-z]{2,3})-([a-z]{2,3})$")]
    private static partial Regex OpusName();
}
