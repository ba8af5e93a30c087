using Tarjama.Documents;
using Tarjama.Memory;

namespace Tarjama.Server;

/// <summary>The server-wide translation memory: the memories <c>serve --tm</c> names, each for one language pair
/// ("ar-en") or for every pair it holds (null), and the memory editors' post-edits are stored in
/// (<c>serve --tm-edits</c>), looked up first so a correction wins over older pairs. The caller owns the memories.</summary>
public sealed class ServerMemory(IReadOnlyList<(string? Pair, TranslationMemory Memory)> memories, TranslationMemory? edits, double fuzzyThreshold)
{
    public static ServerMemory None { get; } = new([], null, 0.75);

    /// <summary>Where post-edits go; null when the server takes none.</summary>
    public TranslationMemory? Edits => edits;

    /// <summary>The least similarity of a fuzzy match shown in bilingual answers.</summary>
    public double FuzzyThreshold => fuzzyThreshold;

    /// <summary>The memories of a direction, in lookup order.</summary>
    public IReadOnlyList<TranslationMemory> For(string sourceLanguage, string targetLanguage) =>
        [.. edits is null ? [] : new[] { edits }, .. memories.Where(m => m.Pair is null || m.Pair == $"{sourceLanguage}-{targetLanguage}").Select(m => m.Memory)];

    /// <summary><paramref name="options"/> with the memories of <paramref name="route"/>, unless the request turned memory
    /// off (<c>tm: false</c>).</summary>
    internal DocumentTranslationOptions Options(LanguageRoute route, RequestFields fields, DocumentTranslationOptions? options = null) =>
        (options ?? new DocumentTranslationOptions()) with
        {
            Memories = fields.Flag("tm") == false ? [] : For(route.SourceLanguage, route.TargetLanguage),
            FuzzyThreshold = fuzzyThreshold,
        };
}
