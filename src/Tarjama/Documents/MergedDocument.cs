using System.Text;
using Tarjama.Memory;

namespace Tarjama.Documents;

/// <summary>A merged segment: the extracted segment and the translation now in its place.</summary>
public sealed class MergedSegment
{
    internal MergedSegment(ExtractedSegment segment, SegmentResult result, SegmentTarget? target)
    {
        (Segment, Result) = (segment, result);
        Origin = result.Parts is null ? new TranslationOrigin(TranslationSource.Kept) : target?.Origin ?? TranslationOrigin.Machine;
        Notes = target?.Notes ?? [];
        Matches = target?.Matches ?? [];
    }

    public ExtractedSegment Segment { get; }

    public TranslationOrigin Origin { get; }

    /// <summary>Remarks for the editor that came with the translation.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Fuzzy translation-memory matches for the segment, best first.</summary>
    public IReadOnlyList<MemoryMatch> Matches { get; }

    /// <summary>What the quality checks found in the translation; null when they did not run.</summary>
    public IReadOnlyList<Quality.QualityIssue>? Qa => Result.Qa;

    /// <summary>The translation as plain text; the source when it was kept.</summary>
    public string Target => Result.Target;

    /// <summary>The translation as text and the segment's inline codes, as it went into the document.</summary>
    public IReadOnlyList<SegmentPart> TargetParts => Result.Parts is { } parts
        ? [.. parts.Select(part => part.Kind == OutputKind.Piece ? SegmentPart.OfCode(Segment.CodeOfPiece(part.Piece)) : SegmentPart.OfText(part.Text))]
        : Segment.SourceParts;

    internal SegmentResult Result { get; }
}

/// <summary>A document with its translations merged in: its segments, the inline-code problems found, and the document itself.</summary>
public sealed class MergedDocument
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Func<string>? _render;
    private readonly Action<Stream>? _writePackage;
    private string? _rendered;
    private bool _packageWritten;

    internal MergedDocument(IReadOnlyList<MergedSegment> segments, IReadOnlyList<InlineCodeIssue> issues, Func<string> render) =>
        (Segments, Issues, _render) = (segments, issues, render);

    /// <summary>A Word document, whose package <paramref name="writePackage"/> writes once.</summary>
    internal MergedDocument(IReadOnlyList<MergedSegment> segments, IReadOnlyList<InlineCodeIssue> issues, Action<Stream> writePackage) =>
        (Segments, Issues, _writePackage) = (segments, issues, writePackage);

    public IReadOnlyList<MergedSegment> Segments { get; }

    public IReadOnlyList<InlineCodeIssue> Issues { get; }

    /// <summary>Whether the document is a Word package (bytes, see <see cref="WriteTo"/>) rather than text.</summary>
    public bool IsPackage => _writePackage is not null;

    /// <summary>The translated document, in the source's format and shape.</summary>
    /// <exception cref="InvalidOperationException">The document is a Word package: see <see cref="WriteTo"/>.</exception>
    public string Render() => _render is null
        ? throw new InvalidOperationException("a Word document is bytes: write it with WriteTo")
        : _rendered ??= _render();

    /// <summary>Writes the translated document: a text format as UTF-8, a Word document as its package (once).</summary>
    /// <exception cref="InvalidOperationException">A Word document's package was written already.</exception>
    public void WriteTo(Stream output)
    {
        if (_writePackage is null)
        {
            output.Write(Utf8.GetBytes(Render()));
            return;
        }
        if (_packageWritten)
        {
            throw new InvalidOperationException("a merged Word document is written once");
        }
        _packageWritten = true;
        _writePackage(output);
    }
}
