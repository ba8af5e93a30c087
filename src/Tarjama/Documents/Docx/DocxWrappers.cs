extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;

namespace Tarjama.Documents.Docx;

/// <summary>Elements of a paragraph that wrap runs (a hyperlink, a tracked insertion, a content control, custom XML, a
/// smart tag, a simple field, a direction override): their text is translated, and they are markup around its words, as
/// a link is. A tracked deletion is not one: its text is gone from the document, so it is kept whole.</summary>
internal static class DocxWrappers
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Where the wrapper's runs are (a content control's are in its w:sdtContent); null for anything else.</summary>
    public static OpenXmlElement? ContentOf(OpenXmlElement element) => element switch
    {
        Hyperlink or InsertedRun or MoveToRun or CustomXmlRun or SimpleField or BidirectionalEmbedding or BidirectionalOverride => element,
        SdtRun control => control.SdtContentRun,
        _ when IsUnknown(element, "smartTag") => element,
        _ => null,
    };

    /// <summary>A run's or a wrapper's own properties, kept when its content is replaced by the translation.</summary>
    public static bool IsProperties(OpenXmlElement child) =>
        child is RunProperties or SdtProperties or SdtEndCharProperties or CustomXmlProperties or FieldData || IsUnknown(child, "smartTagPr");

    /// <summary>Reads the smart tags (w:smartTag, around a name, a place or a date Word recognised) in <paramref name="root"/>
    /// again as a paragraph's content: the Open XML SDK has no type for them, so it reads them and everything in them as
    /// unknown elements, and their runs would not be runs.</summary>
    public static void ReadSmartTags(OpenXmlElement root)
    {
        var tags = root.Descendants<OpenXmlUnknownElement>()
            .Where(tag => IsUnknown(tag, "smartTag") && tag.Ancestors().TakeWhile(ancestor => ancestor != root).All(ancestor => ancestor is not OpenXmlUnknownElement));
        foreach (var tag in tags.ToList())
        {
            var content = new Paragraph { InnerXml = tag.InnerXml }.ChildElements.ToList();
            tag.RemoveAllChildren();
            foreach (var child in content)
            {
                child.Remove();
                tag.AppendChild(child);
            }
            ReadSmartTags(tag); // a smart tag in it (a place in a country) is unknown still
        }
    }

    /// <summary>Unbinds the content controls around and in <paramref name="container"/> from the document's data
    /// (w:dataBinding: a cover page's title bound to the document's properties): Word fills a bound control from that data
    /// when it opens the document, which would put the source's text back in place of the translation.</summary>
    public static void Unbind(OpenXmlElement container)
    {
        foreach (var control in container.Ancestors<SdtElement>().Concat(container.Descendants<SdtElement>()))
        {
            control.GetFirstChild<SdtProperties>()?.RemoveAllChildren<DataBinding>();
        }
    }

    private static bool IsUnknown(OpenXmlElement element, string name) =>
        element is OpenXmlUnknownElement && element.LocalName == name && element.NamespaceUri == WordNamespace;
}
