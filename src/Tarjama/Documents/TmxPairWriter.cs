using System.Xml;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>A TMX 1.4b translation memory, one translation unit per segment, as OmegaT and Trados import it.</summary>
internal sealed class TmxPairWriter : SegmentPairWriter
{
    private readonly TextWriter _output;
    private readonly XmlWriter _xml;
    private readonly string _sourceLanguage;
    private readonly string _targetLanguage;

    public TmxPairWriter(TextWriter output, string sourceLanguage, string targetLanguage)
    {
        (_output, _sourceLanguage, _targetLanguage) = (output, LanguageCodes.Tag(sourceLanguage), LanguageCodes.Tag(targetLanguage));
        output.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>"); // what Tarjama writes is UTF-8, whatever writer carries it
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, OmitXmlDeclaration = true });
        _xml.WriteStartElement("tmx");
        _xml.WriteAttributeString("version", "1.4");
        _xml.WriteStartElement("header");
        _xml.WriteAttributeString("creationtool", "Tarjama");
        _xml.WriteAttributeString("creationtoolversion", typeof(TmxPairWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        _xml.WriteAttributeString("datatype", "plaintext");
        _xml.WriteAttributeString("segtype", "sentence");
        _xml.WriteAttributeString("adminlang", "en");
        _xml.WriteAttributeString("srclang", _sourceLanguage);
        _xml.WriteAttributeString("o-tmf", "Tarjama");
        _xml.WriteEndElement();
        _xml.WriteStartElement("body");
    }

    public override void Write(SegmentPair pair)
    {
        _xml.WriteStartElement("tu");
        foreach (var remark in pair.Remarks)
        {
            _xml.WriteElementString("note", XmlText.Clean(remark));
        }
        _xml.WriteStartElement("prop");
        _xml.WriteAttributeString("type", "x-origin");
        _xml.WriteString(pair.Origin.ToString());
        _xml.WriteEndElement();
        WriteVariant(_sourceLanguage, pair.Source);
        WriteVariant(_targetLanguage, pair.Target);
        _xml.WriteEndElement();
    }

    public override void Complete()
    {
        _xml.WriteEndDocument();
        _xml.Flush();
        _output.Write('\n'); // a text file's last line ends, as the XML declaration's does
    }

    private void WriteVariant(string language, string text)
    {
        _xml.WriteStartElement("tuv");
        _xml.WriteAttributeString("xml", "lang", null, language);
        _xml.WriteElementString("seg", XmlText.Clean(text));
        _xml.WriteEndElement();
    }
}
