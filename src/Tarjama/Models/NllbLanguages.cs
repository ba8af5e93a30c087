using System.Text.RegularExpressions;

namespace Tarjama.Models;

/// <summary>Language codes of the M2M100 family: NLLB's <c>arb_Arab</c> (ISO 639-3 + script) and M2M100's
/// <c>__ar__</c> (ISO 639-1), found from what people type (<c>ar</c>, <c>arb</c>, <c>arz</c>, <c>zh-Hant</c>).</summary>
internal static partial class NllbLanguages
{
    // ISO 639-1 -> the ISO 639-3 code NLLB uses for it (individual languages where NLLB picked one: arb, pes, zsm...).
    private static readonly Dictionary<string, string> ThreeLetter = (
        "ar:arb en:eng fr:fra de:deu es:spa it:ita pt:por ru:rus zh:zho ja:jpn ko:kor tr:tur fa:pes ur:urd " +
        "hi:hin bn:ben id:ind ms:zsm nl:nld pl:pol uk:ukr he:heb el:ell sv:swe da:dan fi:fin no:nob nb:nob " +
        "cs:ces hu:hun ro:ron bg:bul sr:srp hr:hrv sk:slk sl:slv lt:lit lv:lvs et:est sw:swh am:amh so:som " +
        "ha:hau yo:yor ig:ibo zu:zul xh:xho af:afr th:tha vi:vie ta:tam te:tel ml:mal kn:kan mr:mar gu:guj " +
        "pa:pan ne:npi si:sin my:mya km:khm lo:lao ka:kat hy:hye az:azj kk:kaz uz:uzn tg:tgk ky:kir mn:khk " +
        "ps:pbt ku:kmr sq:als mk:mkd bs:bos is:isl ga:gle cy:cym eu:eus ca:cat gl:glg mt:mlt tl:tgl jv:jav " +
        "su:sun")
        .Split(' ').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1]);

    // Macrolanguage codes people use for the language NLLB files under an individual code.
    private static readonly Dictionary<string, string> Individual = new() { ["ara"] = "arb", ["fas"] = "pes", ["msa"] = "zsm" };

    public static bool IsCode(string token) => NllbCode().IsMatch(token);

    public static bool IsM2M100Token(string token) => M2M100Token().IsMatch(token);

    /// <summary>The NLLB code among <paramref name="known"/> that <paramref name="code"/> names, or null; a code that
    /// names several (<c>zh</c>: zho_Hans, zho_Hant) is an error listing them.</summary>
    public static string? FindNllb(string code, IReadOnlyList<string> known)
    {
        var exact = known.FirstOrDefault(k => string.Equals(k, code, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }
        var parts = code.Split('-', '_');
        string primary = parts[0].ToLowerInvariant();
        string three = ThreeLetter.GetValueOrDefault(primary) ?? Individual.GetValueOrDefault(primary) ?? primary;
        var matches = known.Where(k => k.StartsWith(three + "_", StringComparison.Ordinal)).ToList();
        if (parts.Length > 1 && matches.Where(m => m.EndsWith("_" + parts[^1], StringComparison.OrdinalIgnoreCase)).ToList() is [var scripted])
        {
            return scripted;
        }
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new TarjamaException($"'{code}' names several languages of this model ({string.Join(", ", matches)}); use one of those codes"),
        };
    }

    /// <summary>The M2M100 code (<c>ar</c>, from the <c>__ar__</c> token) among <paramref name="known"/> that <paramref name="code"/> names, or null.</summary>
    public static string? FindM2M100(string code, IReadOnlyList<string> known)
    {
        string primary = code.Trim('_').Split('-', '_')[0].ToLowerInvariant();
        string two = ThreeLetter.FirstOrDefault(p => p.Value == (Individual.GetValueOrDefault(primary) ?? primary)).Key ?? primary;
        return known.FirstOrDefault(k => k == primary) ?? known.FirstOrDefault(k => k == two);
    }

    /// <summary>ISO 639-1 for an NLLB or M2M100 code where there is one (<c>arb_Arab</c> → <c>ar</c>), else the code.</summary>
    public static string IsoCode(string familyCode)
    {
        string three = familyCode.Split('_')[0];
        return ThreeLetter.FirstOrDefault(p => p.Value == three).Key ?? familyCode;
    }

    [GeneratedRegex("^[a-z]{3}_[A-Z][a-z]{3}$")]
    private static partial Regex NllbCode();

    [GeneratedRegex("^__[a-z]{2,3}__$")]
    private static partial Regex M2M100Token();
}
