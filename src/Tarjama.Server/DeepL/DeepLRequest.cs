namespace Tarjama.Server.DeepL;

/// <summary>What the DeepL endpoints check alike: the language pair, glossaries, and DeepL's wording of a bad request.</summary>
internal static class DeepLRequest
{
    public static ApiError Bad(string reason) => ApiError.BadRequest("Bad request. Reason: " + reason);

    /// <summary>The translator for a pair given in DeepL's codes, each side refused by its field name.</summary>
    public static LanguageRoute Resolve(LanguagePairs pairs, string source, string target)
    {
        if (!pairs.Languages.Contains(source))
        {
            throw Bad("Value for 'source_lang' not supported.");
        }
        if (!pairs.Languages.Contains(target))
        {
            throw Bad("Value for 'target_lang' not supported.");
        }
        return pairs.Find(source, target) ?? throw Bad($"Translating from {source.ToUpperInvariant()} to {target.ToUpperInvariant()} is not supported.");
    }

    /// <summary>No glossary store yet: a glossary_id names nothing this server has.</summary>
    public static void RefuseGlossary(RequestFields fields)
    {
        if (fields.Text("glossary_id") is not null)
        {
            throw new ApiError(StatusCodes.Status404NotFound, "Glossary not found.");
        }
    }
}
