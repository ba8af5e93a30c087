namespace Tarjama.Documents.Xliff;

/// <summary>The XLIFF versions Tarjama writes and reads.</summary>
public enum XliffVersion
{
    /// <summary>XLIFF 1.2: &lt;trans-unit&gt;, inline codes &lt;x/&gt; and &lt;g&gt;, the original in &lt;skl&gt;&lt;internal-file&gt;.</summary>
    V12,

    /// <summary>XLIFF 2.1: &lt;unit&gt;&lt;segment&gt;, inline codes &lt;ph/&gt; and &lt;pc&gt;, the original in &lt;skeleton&gt;.</summary>
    V21,
}

/// <summary>The versions by the names users give them (<c>--xliff-version</c>, the server's <c>xliff_version</c>).</summary>
public static class XliffVersionNames
{
    public static readonly IReadOnlyList<string> All = ["1.2", "2.1"];

    /// <summary>The version <paramref name="name"/> names; null for a name that is none.</summary>
    public static XliffVersion? Parse(string name) => name switch
    {
        "1.2" => XliffVersion.V12,
        "2.1" => XliffVersion.V21,
        _ => null,
    };
}
