namespace Tarjama.Hub;

/// <summary>A model known to work with the engine, with what a user needs to choose it.</summary>
public sealed record CatalogModel(string Name, RepoId Repo, string Direction, string ApproximateSize, string Licence);

/// <summary>The known-good models <c>tarjama models list</c> offers, pullable by their short name.</summary>
public static class ModelCatalog
{
    // Sizes are estimates for the engine's files only (encoder + merged decoder + tokenizer), from the model shapes.
    public static readonly IReadOnlyList<CatalogModel> Models =
    [
        new("opus-mt-ar-en", new RepoId("Xenova", "opus-mt-ar-en"), "ar→en", "≈440 MB fp32, ≈115 MB q8", "Apache-2.0"),
        new("opus-mt-en-ar", new RepoId("Xenova", "opus-mt-en-ar"), "en→ar", "≈440 MB fp32, ≈115 MB q8", "Apache-2.0"),
        new("nllb-200-distilled-600M", new RepoId("Xenova", "nllb-200-distilled-600M"), "200 languages: ar↔en, Arabic dialects→en", "≈3.5 GB fp32, ≈0.9 GB q8", "CC-BY-NC-4.0"),
        new("m2m100_418M", new RepoId("Xenova", "m2m100_418M"), "100 languages: ar↔en", "≈2.1 GB fp32, ≈0.6 GB q8", "MIT"),
        // Checkpoints without ONNX files: converted once when pulled (sizes of the converted encoder + merged decoder).
        new("opus-mt-tc-big-ar-en", new RepoId("Helsinki-NLP", "opus-mt-tc-big-ar-en"), "ar→en", "≈1.2 GB fp32, ≈0.5 GB int8 (converted)", "CC-BY-4.0"),
        new("opus-mt-tc-big-en-ar", new RepoId("Helsinki-NLP", "opus-mt-tc-big-en-ar"), "en→ar", "≈1.2 GB fp32, ≈0.5 GB int8 (converted)", "CC-BY-4.0"),
        new("nllb-200-distilled-1.3B", new RepoId("facebook", "nllb-200-distilled-1.3B"), "200 languages", "≈6.5 GB fp32, ≈2.4 GB int8 (converted)", "CC-BY-NC-4.0"),
        new("nllb-200-3.3B", new RepoId("facebook", "nllb-200-3.3B"), "200 languages", "≈15 GB fp32, ≈5.4 GB int8 (converted)", "CC-BY-NC-4.0"),
    ];

    public static CatalogModel? Find(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
