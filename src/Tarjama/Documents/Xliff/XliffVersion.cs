namespace Tarjama.Documents.Xliff;

/// <summary>The XLIFF versions Tarjama writes and reads.</summary>
public enum XliffVersion
{
    /// <summary>XLIFF 1.2: &lt;trans-unit&gt;, inline codes &lt;x/&gt; and &lt;g&gt;, the original in &lt;skl&gt;&lt;internal-file&gt;.</summary>
    V12,

    /// <summary>XLIFF 2.1: &lt;unit&gt;&lt;segment&gt;, inline codes &lt;ph/&gt; and &lt;pc&gt;, the original in &lt;skeleton&gt;.</summary>
    V21,
}
