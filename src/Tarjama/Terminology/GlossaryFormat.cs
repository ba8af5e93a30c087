namespace Tarjama.Terminology;

/// <summary>A glossary's format when its sender names it (a request's <c>glossary_format</c>), rather than leaving it to
/// be told from a file's name and content.</summary>
public enum GlossaryFormat
{
    /// <summary><c>source&lt;TAB&gt;target[&lt;TAB&gt;comment]</c> a line.</summary>
    Tsv,

    /// <summary>The same comma-separated, with CSV quoting.</summary>
    Csv,

    /// <summary>TBX-Basic.</summary>
    Tbx,
}
