namespace Tarjama.Documents;

/// <summary>The kinds of document Tarjama translates keeping their structure.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text: every line a paragraph.</summary>
    Text,
    Markdown,
    Html,

    /// <summary>XML of any vocabulary: its elements kept, its text translated, blocks as <see cref="XmlStructure"/> says.</summary>
    Xml,

    /// <summary>An XLIFF 1.2 or 2.x file from a CAT tool: its missing or empty targets are filled, the rest kept.</summary>
    Xliff,

    /// <summary>A Word document (Office Open XML, .docx): binary, so it goes stream to stream.</summary>
    Docx,
}

/// <summary>The side-by-side outputs that can replace the translated document.</summary>
public enum BilingualFormat
{
    /// <summary>One JSON object per segment: paragraph, segment, source, target.</summary>
    Jsonl,

    /// <summary>TMX 1.4b translation memory, for OmegaT, Trados and the like.</summary>
    Tmx,

    /// <summary>A self-contained web page, source beside translation.</summary>
    Html,

    /// <summary>XLIFF (1.2 or 2.1, <see cref="DocumentTranslationOptions.XliffVersion"/>) for CAT tools, with inline codes
    /// for markup and the original document inside, for <c>tarjama merge</c>.</summary>
    Xliff,
}
