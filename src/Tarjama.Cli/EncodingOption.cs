using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;

namespace Tarjama.Cli;

/// <summary><c>--encoding NAME</c>: the encoding a text, Markdown or HTML input is in when it is not UTF-8, by its
/// WHATWG or Windows name (windows-1256, iso-8859-6, cp1256...).</summary>
internal static class EncodingOption
{
    // Arabic Windows text (windows-1256) and the ISO and DOS code pages are not in .NET's default set.
    static EncodingOption() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Option<Encoding?> Create() => new("--encoding")
    {
        Description = "The input's encoding when it is not UTF-8, e.g. windows-1256 (Arabic Windows text) or iso-8859-6; the output is UTF-8 [default: UTF-8, HTML by its declaration]",
        CustomParser = Parse,
    };

    private static Encoding? Parse(ArgumentResult result)
    {
        string name = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            result.AddError($"--encoding {name}: not an encoding name this system knows (e.g. windows-1256, iso-8859-6, utf-16)");
            return null;
        }
    }
}
