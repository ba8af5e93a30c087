using System.Text.RegularExpressions;
using System.Xml;

namespace Tarjama.Documents;

/// <summary>The one way Tarjama says that input is not XML: "story.xlf: not well-formed XML at line 3, column 7", the
/// parser's reason after it when it gives one, whichever parser found it.</summary>
internal static partial class NotWellFormedXml
{
    /// <param name="name">The file, or null where the text has no name (a request's text).</param>
    public static string Message(string? name, int line, int column, string? reason = null) =>
        $"{(name is null ? "" : name + ": ")}not well-formed XML{(line > 0 ? $" at line {line}, column {Math.Max(1, column)}" : "")}{(string.IsNullOrEmpty(reason) ? "" : $" ({reason})")}";

    /// <summary>System.Xml's exception, its position given once (its message repeats it).</summary>
    public static TarjamaException From(string name, XmlException error) =>
        new(Message(name, error.LineNumber, error.LinePosition, LineInfo().Replace(error.Message, "")), error);

    [GeneratedRegex(@"\s*Line \d+, position \d+\.$")]
    private static partial Regex LineInfo();
}
