using System.Text.Json;
using System.Xml;
using Tarjama.Documents;
using Tarjama.Documents.Xliff;
using Tarjama.Text;

namespace Tarjama.Memory;

/// <summary>Approved (source, target) pairs from the bilingual files editors send back: TMX (1.4b, as CAT tools export
/// it), Tarjama's bilingual JSONL, and XLIFF that <c>tarjama translate --bilingual xliff</c> wrote (its targets).</summary>
public static class BilingualFiles
{
    /// <summary>The kinds of file this reads, by extension.</summary>
    public static bool IsBilingual(string path) => Path.GetExtension(path).ToLowerInvariant() is ".tmx" or ".jsonl" or ".xlf" or ".xliff";

    /// <exception cref="TarjamaException">A file that cannot be read, or is not what its extension says.</exception>
    public static List<(string Source, string Target)> Read(string path, string sourceLanguage, string targetLanguage)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".tmx" => Tmx(stream, sourceLanguage, targetLanguage),
                ".jsonl" => Jsonl(stream, path),
                ".xlf" or ".xliff" => Xliff(stream, path, sourceLanguage, targetLanguage),
                var other => throw new TarjamaException($"{path}: not a bilingual file Tarjama reads (.tmx, .jsonl, .xlf, .xliff), but {other}"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot read it ({FileReadError.Reason(path, e)})", e);
        }
        catch (XmlException e)
        {
            throw NotWellFormedXml.From(path, e);
        }
    }

    private static List<(string, string)> Tmx(Stream stream, string sourceLanguage, string targetLanguage)
    {
        var pairs = new List<(string, string)>();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = false });
        string? source = null;
        string? target = null;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Name == "tu")
            {
                (source, target) = (null, null);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.Name == "tuv")
            {
                string language = xml.GetAttribute("xml:lang") ?? xml.GetAttribute("lang") ?? "";
                string text = SegmentText(xml);
                if (LanguageCodes.Same(language, sourceLanguage))
                {
                    source = text;
                }
                else if (LanguageCodes.Same(language, targetLanguage))
                {
                    target = text;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Name == "tu" && source is not null && target is not null)
            {
                pairs.Add((source, target));
            }
        }
        return pairs;
    }

    /// <summary>The text of a tuv's seg: its own text and highlighted text, not the native codes of bpt, ept, ph, it, ut.</summary>
    private static string SegmentText(XmlReader tuv)
    {
        var text = new System.Text.StringBuilder();
        using var inner = tuv.ReadSubtree();
        bool inSegment = false;
        int codeDepth = 0;
        while (inner.Read())
        {
            bool isCode = inner.Name is "bpt" or "ept" or "ph" or "it" or "ut";
            switch (inner.NodeType)
            {
                case XmlNodeType.Element when inner.Name == "seg":
                    inSegment = !inner.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when inner.Name == "seg":
                    inSegment = false;
                    break;
                case XmlNodeType.Element when isCode && !inner.IsEmptyElement:
                    codeDepth++;
                    break;
                case XmlNodeType.EndElement when isCode:
                    codeDepth--;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when inSegment && codeDepth == 0:
                    text.Append(inner.Value);
                    break;
            }
        }
        return text.ToString().Trim();
    }

    private static List<(string, string)> Jsonl(Stream stream, string path)
    {
        var pairs = new List<(string, string)>();
        using var reader = new Utf8LineReader(stream, path);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var record = JsonDocument.Parse(line).RootElement;
                pairs.Add((record.GetProperty("source").GetString()!, record.GetProperty("target").GetString()!));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new TarjamaException($"{path}:{number}: not a JSON object with \"source\" and \"target\" strings", e);
            }
        }
        return pairs;
    }

    private static List<(string, string)> Xliff(Stream stream, string path, string sourceLanguage, string targetLanguage)
    {
        var xliff = XliffFile.Read(stream, path);
        if (!LanguageCodes.Same(xliff.SourceLanguage, sourceLanguage) || !LanguageCodes.Same(xliff.TargetLanguage, targetLanguage))
        {
            throw new TarjamaException($"{path}: translates {xliff.SourceLanguage} to {xliff.TargetLanguage}, not {sourceLanguage} to {targetLanguage}");
        }
        var merged = XliffMerger.Merge(xliff, out _);
        return [.. merged.Segments.Where(segment => segment.Origin.Source == TranslationSource.Editor).Select(segment => (segment.Segment.Source, segment.Target))];
    }
}
