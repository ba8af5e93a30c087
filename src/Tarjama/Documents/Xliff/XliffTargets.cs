using AngleSharp.Dom;

namespace Tarjama.Documents.Xliff;

/// <summary>The part of an XLIFF 1.2 or 2.x file from a CAT tool that is translated: every translatable source whose
/// target is missing, empty or a copy of the source gets a target, a copy of the source with its inline codes, whose
/// text is then translated. A 1.2 unit segmented in &lt;seg-source&gt; is filled segment by segment (&lt;mrk mtype="seg"&gt;).
/// Targets (and segments) that hold a translation already are kept as they are.</summary>
internal sealed class XliffTargets : XmlScope
{
    private static readonly string V12 = XliffNames.V12.NamespaceName;
    private static readonly string V21 = XliffNames.V21.NamespaceName;

    /// <summary>1.2's inline elements whose content is the original's native code, not text.</summary>
    private static readonly string[] NativeCodes = ["bpt", "ept", "it", "ph"];

    /// <summary>The elements whose content is translated: filled targets, or segments (mrk) of segmented 1.2 targets.</summary>
    private readonly List<IElement> _blocks = [];

    /// <summary>The targets filled, wholly or in some of their segments: their state says so.</summary>
    private readonly List<IElement> _targets = [];

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
            var container = source.ParentElement!;
            // Okapi and Trados segment a 1.2 unit in <seg-source> with <mrk mtype="seg">; the target repeats those segments.
            var segmented = ns == V12 && Child(container, ns, "seg-source") is { } segSource && Segments(segSource).Any() ? segSource : null;
            var target = Child(container, ns, "target");
            bool signedOff = SignedOff(container, target);
            if (segmented is not null && target is not null && Segments(target).Any())
            {
                FillSegments(segmented, target, signedOff);
                continue;
            }
            var original = segmented ?? source;
            if (target is not null && !Untranslated(target, original, signedOff) && !Untranslated(target, source, signedOff))
            {
                continue;
            }
            if (target is null)
            {
                target = document.CreateElement(ns, "target");
                container.InsertBefore(target, original.NextSibling);
            }
            CopyContent(original, target);
            if (source.GetAttribute(NamespaceNames.XmlUri, "lang") is not null)
            {
                target.SetAttribute(NamespaceNames.XmlUri, "xml:lang", targetLanguage);
            }
            _targets.Add(target);
            _blocks.AddRange(segmented is null ? [target] : Segments(target));
        }
        return _blocks;
    }

    /// <summary>Fills each segment of a segmented 1.2 target that is empty or still its source, from the seg-source
    /// segment with the same mid; segments translated already are kept.</summary>
    private void FillSegments(IElement segSource, IElement target, bool signedOff)
    {
        var sources = Segments(segSource).Where(segment => segment.GetAttribute("mid") is not null)
            .DistinctBy(segment => segment.GetAttribute("mid")).ToDictionary(segment => segment.GetAttribute("mid")!);
        var filled = Segments(target).Where(segment => sources.TryGetValue(segment.GetAttribute("mid") ?? "", out var source) && Untranslated(segment, source, signedOff)).ToList();
        foreach (var segment in filled)
        {
            CopyContent(sources[segment.GetAttribute("mid")!], segment);
        }
        if (filled.Count > 0)
        {
            _targets.Add(target);
            _blocks.AddRange(filled);
        }
    }

    /// <summary>Empty, or a copy of its source: CAT tools (Okapi's pre-fill, "copy source to target") put the source in a
    /// target that is yet to be translated. A signed-off copy is the translator's (a name, a number) and is kept.</summary>
    private static bool Untranslated(IElement target, IElement source, bool signedOff) =>
        string.IsNullOrWhiteSpace(target.TextContent) || (!signedOff && target.TextContent.Trim() == source.TextContent.Trim());

    /// <summary>Whether a translator approved the unit (1.2 approved="yes", a final or signed-off target) or the segment
    /// (2.x state reviewed or final).</summary>
    private static bool SignedOff(IElement container, IElement? target) => container.GetAttribute("approved") == "yes"
        || container.GetAttribute("state") is "reviewed" or "final" || target?.GetAttribute("state") is "final" or "signed-off";

    private static IEnumerable<IElement> Segments(IElement content) =>
        content.Descendants<IElement>().Where(element => element.LocalName == "mrk" && element.GetAttribute("mtype") == "seg");

    /// <summary>Replaces <paramref name="target"/>'s content with a copy of <paramref name="source"/>'s, inline codes
    /// included, and its xml:space, so whitespace the source keeps is kept in the target.</summary>
    private static void CopyContent(IElement source, IElement target)
    {
        while (target.FirstChild is { } old)
        {
            target.RemoveChild(old);
        }
        foreach (var node in source.ChildNodes)
        {
            target.AppendChild(node.Clone(deep: true));
        }
        if (source.GetAttribute(NamespaceNames.XmlUri, "space") is { } space)
        {
            target.SetAttribute(NamespaceNames.XmlUri, "xml:space", space);
        }
    }

    /// <summary>1.2's native codes, and its protected markers (text the tool says must not change).</summary>
    public override bool IsCode(IElement element) => element.NamespaceUri == V12
        && (NativeCodes.Contains(element.LocalName) || (element.LocalName == "mrk" && element.GetAttribute("mtype") == "protected"));

    public override void Finish(IDocument document, string targetLanguage)
    {
        var root = document.DocumentElement;
        if (root.NamespaceUri == V21)
        {
            SetIfMissing(root, "trgLang", targetLanguage);
            foreach (var target in _targets)
            {
                target.ParentElement!.SetAttribute("state", "translated");
            }
            return;
        }
        foreach (var file in root.Children.Where(child => child.LocalName == "file"))
        {
            SetIfMissing(file, "target-language", targetLanguage);
        }
        foreach (var target in _targets)
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
