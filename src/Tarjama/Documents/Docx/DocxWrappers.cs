extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>Elements of a paragraph that wrap runs (a hyperlink, a tracked insertion, a content control, custom XML, a
/// simple field, a direction override): their text is translated, and they are markup around its words, as a link is.
/// A tracked deletion is not one: its text is gone from the document, so it is kept whole.</summary>
internal static class DocxWrappers
{
    /// <summary>Where the wrapper's runs are (a content control's are in its w:sdtContent); null for anything else.</summary>
    public static OpenXmlElement? ContentOf(OpenXmlElement element) => element switch
    {
        Hyperlink or InsertedRun or MoveToRun or CustomXmlRun or SimpleField or BidirectionalEmbedding or BidirectionalOverride => element,
        SdtRun control => control.SdtContentRun,
        _ => null,
    };

    /// <summary>A run's or a wrapper's own properties, kept when its content is replaced by the translation.</summary>
    public static bool IsProperties(OpenXmlElement child) =>
        child is RunProperties or SdtProperties or SdtEndCharProperties or CustomXmlProperties or FieldData;
}
