using Tarjama.Terminology;
using Tarjama.Documents;

namespace Tarjama.Server.DeepL;

/// <summary>DeepL API v2's text endpoints under /v2: translate, languages and usage, with DeepL's field names, answers
/// and status codes, so DeepL's own client libraries work with the server URL pointed here.</summary>
internal sealed class DeepLTranslateEndpoints(ServerSettings settings, LanguagePairs pairs, AccessGuard access, Admission admission, DeepLUsage usage, GlossaryStore glossaries)
{
    private const int MaxTexts = 50;

    private static readonly string[] SplitModes = ["0", "1", "nonewlines"];
    private static readonly string[] Formalities = ["default", "more", "less", "prefer_more", "prefer_less"];

    private sealed record Translation(string DetectedSourceLanguage, string Text, long? BilledCharacters);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v2/translate", (Delegate)Translate);
        routes.MapMethods("/v2/languages", ["GET", "POST"], (Delegate)Languages);
        routes.MapMethods("/v2/usage", ["GET", "POST"], (Delegate)Usage);
    }

    private async Task<IResult> Translate(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes);
        string caller = DeepLCaller.Check(context, access, fields);
        var texts = fields.All("text");
        if (texts.Count == 0)
        {
            throw DeepLRequest.Bad("Parameter 'text' not specified.");
        }
        if (texts.Count > MaxTexts)
        {
            throw DeepLRequest.Bad($"Too many texts: at most {MaxTexts} per request.");
        }
        string target = DeepLLanguages.ToCode(fields.Text("target_lang")) ?? throw DeepLRequest.Bad("Parameter 'target_lang' not specified.");
        var format = fields.Text("tag_handling") switch
        {
            null => DocumentFormat.Text,
            "html" => DocumentFormat.Html,
            "xml" => DocumentFormat.Xml,
            _ => throw DeepLRequest.Bad("Value for 'tag_handling' not supported."),
        };
        string split = Choice(fields, "split_sentences", SplitModes) ?? "1";
        Choice(fields, "formality", Formalities); // no model here has a formality setting: valid values are accepted and ignored
        fields.Flag("preserve_formatting"); // always so: spacing, punctuation and case of the source are kept
        bool billed = fields.Flag("show_billed_characters") == true; // read before the bill: a bad value is refused unbilled
        // Read before the text may come back as it is, so a bad value is refused either way: ignore_tags (elements whose
        // content stays as it is), the XML options, and tm (which the memory's options read again).
        var documentOptions = new DocumentTranslationOptions { KeptElements = TagList(fields, "ignore_tags"), XmlStructure = XmlStructure(fields) };
        fields.Flag("tm");
        bool sourceGiven = fields.Text("source_lang") is not null;
        // The context is read, never translated: it helps tell the source language of short texts. Tag names are not
        // the text's language.
        var detected = sourceGiven ? null
            : ScriptDetector.Detect([.. texts.Select(text => format == DocumentFormat.Text ? text : DocumentSample.WithoutTags(text)), fields.Text("context") ?? ""], pairs.Languages)[0];
        string source = DeepLLanguages.ToCode(fields.Text("source_lang")) ?? detected!.Language;
        // As DeepL does, text found to be in the target language already comes back as it is, not refused (CAT tools and
        // Weblate send segments such as "2024" or "OK" one at a time): when it has no letters at all, or when the script
        // tells the served languages apart (not on a multilingual model, where Latin letters may be French).
        bool alreadyThere = detected is not null && source == target && pairs.Languages.Contains(target) && fields.Text("glossary_id") is null
            && (detected.Confidence == 0 || ScriptDetector.TellsApart(pairs.Languages));
        var translator = alreadyThere ? null : DeepLRequest.Resolve(pairs, source, target);
        var glossary = translator is null ? null : DeepLRequest.Glossary(fields, glossaries, caller, translator, sourceGiven);
        var characters = texts.Select(text => DocumentSample.CountCharacters(text, format)).ToList();
        var translated = await usage.SpendOnAsync(caller, characters.Sum(),
            () => translator is null ? Task.FromResult(texts) : TranslateAsync(context, fields, texts, format, split, translator, glossary, documentOptions));
        return Results.Json(new
        {
            translations = translated.Select((text, i) => new Translation(DeepLLanguages.ToDeepL(source), text, billed ? characters[i] : null)),
        }, DeepLJson.Options);
    }

    /// <summary>The texts translated as the request's options say.</summary>
    private async Task<IReadOnlyList<string>> TranslateAsync(HttpContext context, RequestFields fields, IReadOnlyList<string> texts, DocumentFormat format, string split, LanguageRoute translator, TermMatcher? glossary, DocumentTranslationOptions documentOptions)
    {
        // split_sentences=0 still translates sentence by sentence: the models were trained on sentences, and a segment a CAT
        // tool sends whole comes back whole either way.
        var input = split == "nonewlines" && format == DocumentFormat.Text ? texts.Select(OneLine).ToList() : texts;
        using var admitted = admission.Enter(translator, DocumentSize.OfTexts(input, format), glossary);
        var options = settings.Memory.Options(translator, fields, documentOptions);
        return await TextTranslation.TranslateAsync(admitted.Translator, input, format, context.RequestAborted, options);
    }

    private async Task<IResult> Languages(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes);
        DeepLCaller.Check(context, access, fields);
        bool targets = fields.Text("type") switch
        {
            null or "source" => false,
            "target" => true,
            _ => throw DeepLRequest.Bad("Value for 'type' not supported."),
        };
        return Results.Json(DeepLLanguages.List(pairs, targets), DeepLJson.Options);
    }

    private async Task<IResult> Usage(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.DeepLMaxBodyBytes);
        string caller = DeepLCaller.Check(context, access, fields);
        return Results.Json(new { character_count = usage.Of(caller), character_limit = usage.Limit }, DeepLJson.Options);
    }

    /// <summary>An optional field that must hold one of <paramref name="allowed"/>.</summary>
    private static string? Choice(RequestFields fields, string name, string[] allowed) => fields.Text(name) switch
    {
        null => null,
        var value when allowed.Contains(value, StringComparer.OrdinalIgnoreCase) => value.ToLowerInvariant(),
        _ => throw DeepLRequest.Bad($"Value for '{name}' not supported."),
    };

    /// <summary>outline_detection, splitting_tags and non_splitting_tags (tag lists comma-separated or repeated), read
    /// for tag_handling=xml.</summary>
    private static XmlStructure XmlStructure(RequestFields fields) => new()
    {
        OutlineDetection = fields.Flag("outline_detection") ?? true,
        SplittingElements = TagList(fields, "splitting_tags"),
        NonSplittingElements = TagList(fields, "non_splitting_tags"),
    };

    private static List<string> TagList(RequestFields fields, string name) =>
        [.. fields.All(name).SelectMany(tags => tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>split_sentences=nonewlines: line breaks are spaces, so only punctuation ends a sentence.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
