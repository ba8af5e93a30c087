using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Tarjama.Cli;

/// <summary><c>serve --cors ORIGIN</c> (repeatable): <c>*</c> for any origin, <c>none</c> for no CORS headers, or origins
/// as browsers send them, <c>scheme://host[:port]</c>. Anything else is refused at start: a mistyped origin would match
/// no browser's and leave CORS off without a word.</summary>
internal static partial class CorsOption
{
    public static Option<string[]> Create()
    {
        var option = new Option<string[]>("--cors")
        {
            HelpName = "ORIGIN",
            Description = "Origin allowed to call the API from a browser, as scheme://host[:port] (http or https, no path); repeat for more; * for any (the default), none for no CORS",
            DefaultValueFactory = _ => ["*"],
        };
        option.Validators.Add(Check);
        return option;
    }

    /// <summary>The origins for the server's CORS policy; none for <c>none</c>.</summary>
    public static IReadOnlyList<string> Origins(string[] values) => values is ["none"] ? [] : values;

    private static void Check(OptionResult result)
    {
        var values = result.GetValueOrDefault<string[]?>() ?? [];
        if (values.FirstOrDefault(value => value is not ("*" or "none") && !IsOrigin(value)) is { } bad)
        {
            result.AddError($"--cors takes *, none, or an origin such as https://example.com or http://localhost:8080 (scheme://host[:port], http or https, no path) (got '{bad}')");
        }
        else if (values.Length > 1 && values.Contains("none"))
        {
            result.AddError("--cors none turns CORS off: give it alone, not with origins");
        }
    }

    private static bool IsOrigin(string value) =>
        Origin().IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0;

    [GeneratedRegex(@"^https?://[^/?#@\s]+$", RegexOptions.IgnoreCase)]
    private static partial Regex Origin();
}
