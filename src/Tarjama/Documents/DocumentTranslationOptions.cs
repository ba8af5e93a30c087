using Tarjama.Documents.Xliff;
using Tarjama.Memory;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>How <see cref="DocumentTranslator"/> reads, cuts and writes a document.</summary>
public sealed record DocumentTranslationOptions
{
    /// <summary>The input's format; null to tell it from the file name's extension, then from the content.</summary>
    public DocumentFormat? Format { get; init; }

    /// <summary>The encoding a text input is in when it is not UTF-8 (Arabic Windows text is windows-1256); null to read
    /// UTF-8, and HTML by what it declares (<see cref="HtmlEncoding"/>). A Word document is ZIP data and ignores it.</summary>
    public System.Text.Encoding? InputEncoding { get; init; }

    /// <summary>A bilingual view to write instead of the translated document; null for the document.</summary>
    public BilingualFormat? Bilingual { get; init; }

    /// <summary>The XLIFF version <see cref="BilingualFormat.Xliff"/> writes.</summary>
    public XliffVersion XliffVersion { get; init; } = XliffVersion.V21;

    /// <summary>Translation memories, looked up in order before the model: an exact match replaces machine translation.</summary>
    public IReadOnlyList<TranslationMemory> Memories { get; init; } = [];

    /// <summary>The least similarity (0 to 1, token-level edit distance) of a fuzzy memory match reported with a segment.</summary>
    public double FuzzyThreshold { get; init; } = 0.75;

    public TextNormalizationOptions Normalization { get; init; } = new();

    /// <summary>HTML (or XML) elements whose content is kept as it is, like <c>code</c> (DeepL's <c>ignore_tags</c>).</summary>
    public IReadOnlyList<string> KeptElements { get; init; } = [];

    /// <summary>How XML is cut into blocks.</summary>
    public XmlStructure XmlStructure { get; init; } = new();

    /// <summary>Strings that must come out exactly as they are written in the source (names, product codes...).</summary>
    public IReadOnlyList<string> Verbatim { get; init; } = [];

    public SegmentLengthLimit SegmentLengthLimit { get; init; } = SegmentLengthLimit.Default;

    /// <summary>Most distinct segments per call to the translator: big enough for it to batch well, small enough
    /// for progress to move.</summary>
    public int BatchSegments { get; init; } = 512;

    /// <summary>Checks every translated segment and counts what it finds; null for no checks.</summary>
    public Quality.SegmentQualityChecker? Quality { get; init; }

    /// <summary>About how many characters of translations are remembered to translate repeats once.</summary>
    public long CacheCharacters { get; init; } = 2_000_000;

    /// <summary>Largest Word document read, in bytes (it is held in memory while it is translated).</summary>
    public long MaxDocxBytes { get; init; } = 64L << 20;
}
