using System.CommandLine;
using Tarjama.Documents.Xliff;

namespace Tarjama.Cli;

/// <summary><c>--xliff-version 1.2|2.1</c>: the XLIFF that <c>--bilingual xliff</c> writes.</summary>
internal static class XliffVersionOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--xliff-version") { Description = "The XLIFF --bilingual xliff writes: 1.2 or 2.1", DefaultValueFactory = _ => "2.1" };
        option.AcceptOnlyFromAmong([.. XliffVersionNames.All]);
        return option;
    }

    public static XliffVersion Parse(string? value) => XliffVersionNames.Parse(value ?? "") ?? XliffVersion.V21;
}
