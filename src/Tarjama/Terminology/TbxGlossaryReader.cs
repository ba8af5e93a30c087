using System.Xml;
using System.Xml.Linq;
using Tarjama.Text;

namespace Tarjama.Terminology;

/// <summary>TBX-Basic glossaries (ISO 30042): each concept entry (<c>termEntry</c>, or <c>conceptEntry</c> in TBX v3)
/// holds one language section per language (<c>langSet</c>/<c>langSec</c> with <c>xml:lang</c>) with its terms; every
/// source-language term of an entry maps to the entry's first target-language term. Entries without both languages
/// are skipped (a multilingual file serves several directions).</summary>
internal static class TbxGlossaryReader
{
    public static IReadOnlyList<GlossaryEntry> Parse(string text, string name, string sourceLanguage, string targetLanguage)
    {
        var document = Load(text, name);
        var entries = new List<GlossaryEntry>();
        foreach (var concept in document.Descendants().Where(e => e.Name.LocalName is "termEntry" or "conceptEntry"))
        {
            var sections = concept.Elements().Where(e => e.Name.LocalName is "langSet" or "langSec").ToList();
            var sources = Terms(sections, sourceLanguage);
            var target = Terms(sections, targetLanguage).FirstOrDefault();
            if (sources.Count == 0 || target is null)
            {
                continue;
            }
            string? note = concept.Descendants().FirstOrDefault(e => e.Name.LocalName is "descrip" or "note")?.Value.Trim();
            foreach (var source in sources)
            {
                entries.Add(new GlossaryEntry(source.Value, target.Value, string.IsNullOrEmpty(note) ? null : note, name, ((IXmlLineInfo)source).LineNumber));
            }
        }
        return entries;
    }

    private static List<XElement> Terms(List<XElement> sections, string language) =>
        [.. sections.Where(s => s.Attribute(XNamespace.Xml + "lang") is { } lang && LanguageCodes.Same(lang.Value, language))
            .SelectMany(s => s.Descendants().Where(e => e.Name.LocalName == "term"))];

    private static XDocument Load(string text, string name)
    {
        // No DTDs: a glossary from a user must not pull in other files or expand entities without bound.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        if (Documents.XmlDepth.FirstTooDeep(new StringReader(text)) is { } line)
        {
            throw new TarjamaException($"{name}:{line}: not a TBX file (elements nested deeper than {Documents.XmlDepth.Limit})");
        }
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new TarjamaException($"{name}:{e.LineNumber}: not a TBX file ({e.Message})");
        }
    }
}
