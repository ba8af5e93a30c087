using System.Text;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

/// <summary>Runs <see cref="DocumentTranslator"/> on strings and bytes, as the CLI runs it on files.</summary>
internal static class DocumentRunner
{
    public static string Translate(string document, ISegmentTranslator translator, DocumentTranslationOptions? options = null, string sourceName = "input") =>
        Translate(Encoding.UTF8.GetBytes(document), translator, options, sourceName);

    public static string Translate(byte[] document, ISegmentTranslator translator, DocumentTranslationOptions? options = null, string sourceName = "input")
    {
        using var output = new StringWriter();
        new DocumentTranslator(translator, options).Translate(new MemoryStream(document), sourceName, output);
        return output.ToString();
    }
}
