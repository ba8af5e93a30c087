using Tarjama.Terminology;
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

    /// <summary>The caller's stored glossary <c>glossary_id</c> names, which must be for the request's pair; null when none is named.</summary>
    /// <param name="sourceGiven">Whether the request named its source language, which DeepL requires with a glossary.</param>
    public static TermMatcher? Glossary(RequestFields fields, GlossaryStore store, string caller, LanguageRoute route, bool sourceGiven)
    {
        if (fields.Text("glossary_id") is not { } id)
        {
            return null;
        }
        if (!sourceGiven)
        {
            throw Bad("Use of a glossary requires the source_lang parameter to be specified.");
        }
        var glossary = store.Find(id, caller) ?? throw new ApiError(StatusCodes.Status404NotFound, "Glossary not found.");
        return glossary.SourceLanguage == route.SourceLanguage && glossary.TargetLanguage == route.TargetLanguage
            ? glossary.Terms
            : throw Bad($"Glossary {id} is for {glossary.SourceLanguage.ToUpperInvariant()} to {glossary.TargetLanguage.ToUpperInvariant()}, not {route.SourceLanguage.ToUpperInvariant()} to {route.TargetLanguage.ToUpperInvariant()}.");
    }
}
