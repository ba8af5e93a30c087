namespace Tarjama.Tokenization;

/// <summary>The language lists of M2M100's slow tokenizer (<c>language_codes</c> in <c>tokenizer_config.json</c>),
/// in fairseq's order: the token <c>__xx__</c> of the i-th code has id <c>len(vocab.json) + i</c>.</summary>
internal static class M2M100LanguageCodes
{
    private static readonly Dictionary<string, string[]> Lists = new()
    {
        ["m2m100"] = ("af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he " +
            "hi hr ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no ns oc or " +
            "pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo zh zu").Split(' '),
        ["wmt21"] = "en ha is ja cs ru zh de".Split(' '),
    };

    /// <summary>Language token → id for a vocabulary of <paramref name="vocabularySize"/> entries.</summary>
    public static Dictionary<string, int> TokenIds(string? list, int vocabularySize, string file)
    {
        string name = list ?? "m2m100";
        var codes = Lists.GetValueOrDefault(name)
            ?? throw new TarjamaException($"{file}: language_codes '{name}' is not known (known: {string.Join(", ", Lists.Keys)})");
        return codes.Select((code, i) => (Token: $"__{code}__", Id: vocabularySize + i)).ToDictionary(t => t.Token, t => t.Id);
    }
}
