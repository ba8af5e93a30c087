using AngleSharp.Dom;

namespace Tarjama.Documents.Xliff;

/// <summary>The part of an XLIFF 1.2 or 2.x file from a CAT tool that is translated: every translatable source whose
/// target is missing or empty gets a target, a copy of the source with its inline codes, whose text is then translated.
/// Targets that hold text already are kept as they are.</summary>
internal sealed class XliffTargets : XmlScope
{
    private static readonly string V12 = XliffNames.V12.NamespaceName;
    private static readonly string V21 = XliffNames.V21.NamespaceName;

    /// <summary>1.2's inline elements whose content is the original's native code, not text.</summary>
    private static readonly string[] NativeCodes = ["bpt", "ept", "it", "ph"];

    private readonly List<IElement> _filled = [];

    /// <exception cref="TarjamaException">Not XLIFF 1.2 or 2.x, or its languages are not the translation's.</exception>
    public override IReadOnlyCollection<IElement> Choose(IDocument document, string sourceLanguage, string targetLanguage)
    {
        var root = document.DocumentElement;
        string ns = root.NamespaceUri ?? "";
        if (root.LocalName != "xliff" || (ns != V12 && ns != V21))
        {
            throw new TarjamaException($"not an XLIFF 1.2 or 2.x file (root element <{root.NodeName}>)");
        }
        var file = root.Children.FirstOrDefault(child => child.LocalName == "file");
        CheckLanguage(ns == V21 ? root.GetAttribute("srcLang") : file?.GetAttribute("source-language"), sourceLanguage, "source");
        CheckLanguage(ns == V21 ? root.GetAttribute("trgLang") : file?.GetAttribute("target-language"), targetLanguage, "target");
        var sources = ns == V21
            ? Elements(root, ns, "segment").Where(Translatable).Select(segment => Child(segment, ns, "source"))
            : Elements(root, ns, "trans-unit").Where(Translatable).Select(unit => Child(unit, ns, "source"));
        foreach (var source in sources.OfType<IElement>())
        {
            var target = Child(source.ParentElement!, ns, "target");
            if (target is not null && !string.IsNullOrWhiteSpace(target.TextContent))
            {
                continue;
            }
            if (target is null)
            {
                target = document.CreateElement(ns, "target");
                var after = ns == V12 && Child(source.ParentElement!, ns, "seg-source") is { } segSource ? segSource : source;
                source.ParentElement!.InsertBefore(target, after.NextSibling);
            }
            while (target.FirstChild is { } old)
            {
                target.RemoveChild(old);
            }
            foreach (var node in source.ChildNodes)
            {
                target.AppendChild(node.Clone(deep: true));
            }
            if (source.GetAttribute(NamespaceNames.XmlUri, "lang") is not null)
            {
                target.SetAttribute(NamespaceNames.XmlUri, "xml:lang", targetLanguage);
            }
            _filled.Add(target);
        }
        return _filled;
    }

    public override bool IsCode(IElement element) => element.NamespaceUri == V12 && NativeCodes.Contains(element.LocalName);

    public override void Finish(IDocument document, string targetLanguage)
    {
        var root = document.DocumentElement;
        if (root.NamespaceUri == V21)
        {
            SetIfMissing(root, "trgLang", targetLanguage);
            foreach (var target in _filled)
            {
                target.ParentElement!.SetAttribute("state", "translated");
            }
            return;
        }
        foreach (var file in root.Children.Where(child => child.LocalName == "file"))
        {
            SetIfMissing(file, "target-language", targetLanguage);
        }
        foreach (var target in _filled)
        {
            target.SetAttribute("state", "needs-review-translation");
        }
    }

    private static void CheckLanguage(string? declared, string language, string side)
    {
        if (!string.IsNullOrEmpty(declared) && !Text.LanguageCodes.Same(declared, language))
        {
            throw new TarjamaException($"the XLIFF file's {side} language is {declared}, but this translation's is {language}");
        }
    }

    private static IEnumerable<IElement> Elements(IElement root, string ns, string name) =>
        root.Descendants<IElement>().Where(element => element.LocalName == name && element.NamespaceUri == ns);

    private static IElement? Child(IElement parent, string ns, string name) =>
        parent.Children.FirstOrDefault(child => child.LocalName == name && child.NamespaceUri == ns);

    /// <summary>Not marked translate="no", itself or by a group or file it is in (both versions inherit it).</summary>
    private static bool Translatable(IElement element) => !element.GetAncestors().OfType<IElement>().Prepend(element).Any(at => at.GetAttribute("translate") is "no");

    private static void SetIfMissing(IElement element, string name, string value)
    {
        if (string.IsNullOrEmpty(element.GetAttribute(name)))
        {
            element.SetAttribute(name, value);
        }
    }
}
