using AngleSharp.Dom;

namespace Tarjama.Documents;

/// <summary>Narrows XML translation to some elements of the document: each chosen element's content is one block, and
/// everything outside the chosen elements is kept as it is (an XLIFF file's empty targets, say).</summary>
internal abstract class XmlScope
{
    /// <summary>The elements whose content is translated; the scope may add them to the document first.</summary>
    public abstract IReadOnlyCollection<IElement> Choose(IDocument document, string sourceLanguage, string targetLanguage);

    /// <summary>Whether an element inside a chosen one holds code, not text (kept whole, as an inline code).</summary>
    public abstract bool IsCode(IElement element);

    /// <summary>Marks the document as translated into <paramref name="targetLanguage"/> once the chosen elements are.</summary>
    public abstract void Finish(IDocument document, string targetLanguage);
}
