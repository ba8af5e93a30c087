using Tarjama.Translation;

namespace Tarjama.Terminology;

/// <summary>A translator that can be told which glossary terms each segment holds, and enforces their targets.</summary>
public interface ITermTranslator : ISegmentTranslator
{
    /// <param name="terms">For each source, the terms matched in it (empty for none): their targets must appear in its translation.</param>
    IReadOnlyList<TranslationResult> TranslateDetailed(IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<TermMatch>> terms, CancellationToken cancellationToken = default);
}
