using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Tarjama.Tests.Documents;

/// <summary>Validates XLIFF against the OASIS schemas (XLIFF 1.2 strict, XLIFF 2.1 core) in tests/fixtures/xliff-schemas.</summary>
internal static class XliffSchemas
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new LocalXmlSchema() };
        foreach (var file in new[] { "xliff-core-1.2-strict.xsd", "xliff_core_2.1.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "fixtures", "xliff-schemas", file));
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    });

    /// <summary>Resolves the schemas' imports of the W3C xml.xsd to its committed copy: nothing is fetched.</summary>
    private sealed class LocalXmlSchema : XmlUrlResolver
    {
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) => relativeUri?.EndsWith("xml.xsd", StringComparison.Ordinal) == true
            ? new Uri(Path.Combine(AppContext.BaseDirectory, "fixtures", "xliff-schemas", "xml.xsd"))
            : throw new InvalidOperationException($"the schemas import {relativeUri}, which is not committed");
    }

    /// <summary>The schema errors and warnings, one line each; empty when valid.</summary>
    public static List<string> Errors(string xliff)
    {
        var errors = new List<string>();
        XDocument.Parse(xliff, LoadOptions.SetLineInfo).Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}"));
        return errors;
    }
}
