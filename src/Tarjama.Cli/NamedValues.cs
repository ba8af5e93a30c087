using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tarjama.Cli;

/// <summary>Options whose value is one of a few names, matched without case and with the other names people type
/// ("md" for Markdown): a value not among them is one error line listing the names.</summary>
internal static class NamedValues
{
    /// <param name="names">Every accepted name and what it means; the first name of each value is the one listed.</param>
    public static Option<T?> Create<T>(string name, string description, IReadOnlyList<(string Name, T Value)> names) where T : struct
    {
        var option = new Option<T?>(name) { Description = description };
        option.CustomParser = result => Parse(result, names);
        option.CompletionSources.Clear();   // an enum's own names (Docx, Html...) would be listed as values, accepted or not
        option.CompletionSources.Add(names.Select(n => n.Name).ToArray());
        return option;
    }

    /// <summary>Every value of an enum by its lower-case name.</summary>
    public static (string Name, T Value)[] Of<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => (v.ToString().ToLowerInvariant(), v))];

    private static T? Parse<T>(ArgumentResult result, IReadOnlyList<(string Name, T Value)> names) where T : struct
    {
        string given = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        foreach (var (name, value) in names)
        {
            if (string.Equals(name, given, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        var listed = names.DistinctBy(n => n.Value).Select(n => n.Name);
        result.AddError($"{((OptionResult)result.Parent!).Option.Name} {given}: use one of {string.Join(", ", listed)}");
        return null;
    }
}
