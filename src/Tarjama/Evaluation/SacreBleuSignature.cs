namespace Tarjama.Evaluation;

/// <summary>Builds sacreBLEU 2.x signatures: <c>key:value</c> pairs joined by '|', shared keys first, version last.</summary>
internal static class SacreBleuSignature
{
    /// <summary>The sacreBLEU release whose BLEU, chrF and chrF++ these metrics reproduce.</summary>
    public const string Version = "2.5.1";

    public static string Format(string referenceCount, params (string Key, string Value)[] metricFields) =>
        string.Join('|', [$"nrefs:{referenceCount}", "case:mixed", .. metricFields.Select(f => $"{f.Key}:{f.Value}"), $"version:{Version}"]);

    public static string YesNo(bool value) => value ? "yes" : "no";
}
