using Tarjama.Documents.Xliff;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>How <see cref="DocumentTranslator"/> reads, cuts and writes a document.</summary>
public sealed record DocumentTranslationOptions
{
    /// <summary>The input's format; null to tell it from the file name's extension, then from the content.</summary>
    public DocumentFormat? Format { get; init; }

    /// <summary>A bilingual view to write instead of the translated document; null for the document.</summary>
    public BilingualFormat? Bilingual { get; init; }

    /// <summary>The XLIFF version <see cref="BilingualFormat.Xliff"/> writes.</summary>
    public XliffVersion XliffVersion { get; init; } = XliffVersion.V21;

    public TextNormalizationOptions Normalization { get; init; } = new();

    /// <summary>Strings that must come out exactly as they are written in the source (names, product codes...).</summary>
    public IReadOnlyList<string> Verbatim { get; init; } = [];

    public SegmentLengthLimit SegmentLengthLimit { get; init; } = SegmentLengthLimit.Default;

    /// <summary>Most distinct segments per call to the translator: big enough for it to batch well, small enough
    /// for progress to move.</summary>
    public int BatchSegments { get; init; } = 512;

    /// <summary>About how many characters of translations are remembered to translate repeats once.</summary>
    public long CacheCharacters { get; init; } = 2_000_000;

    /// <summary>Largest Word document read, in bytes (it is held in memory while it is translated).</summary>
    public long MaxDocxBytes { get; init; } = 64L << 20;
}
