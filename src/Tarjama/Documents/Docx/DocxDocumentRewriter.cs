extern alias OpenXml;

using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using WordText = OpenXml::DocumentFormat.OpenXml.Wordprocessing.Text;
using Tarjama.Text;

namespace Tarjama.Documents.Docx;

/// <summary>A Word document read into blocks (every paragraph with text: body, tables, headers, footers, footnotes,
/// endnotes, comments, text boxes; a phonetic guide's two texts; then <see cref="DocxPropertyText"/>: alternative text,
/// tooltips, the document's title...) and written back with their translations. A run is markup around its text, so
/// formatting follows the words it marked; hyperlinks, tracked insertions, content controls and other
/// <see cref="DocxWrappers"/> likewise; tabs, pictures, field codes and bookmarks are kept whole and in place. The
/// document's direction is set for the target language, and its script's formatting (<see cref="DocxScriptFormatting"/>).</summary>
internal sealed class DocxDocumentRewriter : IDocumentBlocks, IDisposable
{
    private readonly WordprocessingDocument _word;
    private readonly MemoryStream _package;
    private readonly string _sourceLanguage;
    private readonly string _targetLanguage;
    private readonly List<IReadOnlyList<InlinePiece>> _blocks = [];

    /// <summary>Where each block's runs are: a paragraph, or a phonetic guide's text (w:rt) or base text (w:rubyBase), which
    /// are inside a run of their paragraph.</summary>
    private readonly List<OpenXmlElement> _containers = [];

    /// <summary>Per block, a run with its most common look: text the translation puts outside any markup gets it.</summary>
    private readonly List<Run?> _baseRuns = [];

    /// <summary>The blocks after the paragraphs': text in attributes and document properties, read after the paragraphs so
    /// that a paragraph's segment ids are what they were before these were read (an XLIFF made then still merges).</summary>
    private readonly List<DocxPropertyText> _propertyTexts = [];

    /// <summary>For each run-level element kept whole (a tab, a picture), the run it came from, whose look it keeps.</summary>
    private readonly Dictionary<OpenXmlElement, Run> _runOf = [];

    public DocxDocumentRewriter(Stream input, string sourceName, long maxBytes, string sourceLanguage, string targetLanguage)
    {
        (_word, _package) = DocxPackage.Open(input, sourceName, maxBytes);
        (_sourceLanguage, _targetLanguage) = (sourceLanguage, targetLanguage);
        foreach (var root in Roots(_word))
        {
            DocxWrappers.ReadSmartTags(root);
            foreach (var container in root.Descendants().Where(element => element is Paragraph or RubyContent or RubyBase && !DocxTextBoxCopies.IsInCopy(element)).ToList())
            {
                DocxRuns.JoinAlike(container);
                string baseLook = DocxRuns.BaseLook(container);
                var pieces = Pieces(container, baseLook);
                if (pieces.Any(piece => piece.Kind == PieceKind.Text && !string.IsNullOrWhiteSpace(piece.Text)))
                {
                    _blocks.Add(pieces);
                    _containers.Add(container);
                    _baseRuns.Add(container.Descendants<Run>().FirstOrDefault(run => DocxRuns.Look(run) == baseLook));
                }
            }
        }
        foreach (var propertyText in DocxPropertyText.Read(Roots(_word), _word))
        {
            _blocks.Add([new InlinePiece(PieceKind.Text, propertyText.Text)]);
            _propertyTexts.Add(propertyText);
        }
    }

    public IReadOnlyList<IReadOnlyList<InlinePiece>> Blocks => _blocks;

    /// <summary>How a markup piece reads for an editor: the element's name, as XLIFF's inline codes show it.</summary>
    public string CodeText(InlinePiece piece) => (piece.Kind, piece.Origin) switch
    {
        (PieceKind.Open, DocxField) => "<w:fldChar w:fldCharType=\"begin\"/>",
        (PieceKind.Close, DocxField) => "<w:fldChar w:fldCharType=\"end\"/>",
        (PieceKind.Open, OpenXmlElement element) => $"<{element.Prefix}:{element.LocalName}>",
        (PieceKind.Close, OpenXmlElement element) => $"</{element.Prefix}:{element.LocalName}>",
        (_, OpenXmlElement element) => $"<{element.Prefix}:{element.LocalName}/>",
        _ => piece.Text,
    };

    /// <summary>Writes the document with <paramref name="translated"/> (the blocks, in order) in place of their text.</summary>
    public void Write(IReadOnlyList<SegmentedBlock> translated, Stream output)
    {
        for (int i = 0; i < _containers.Count; i++)
        {
            if (translated[i].Spans.Any(span => span.Result?.Parts is not null))
            {
                Rebuild(_containers[i], translated[i], _baseRuns[i]);
                DocxWrappers.Unbind(_containers[i]);
            }
        }
        for (int i = 0; i < _propertyTexts.Count; i++) // before the text box copies are refilled: a picture in a box is in both
        {
            _propertyTexts[i].Write(BlockText.Render(translated[_containers.Count + i]));
        }
        DocxTextBoxCopies.Refill(Roots(_word));
        bool rightToLeft = LanguageCodes.IsRightToLeft(_targetLanguage);
        DocxDirection.Set(Roots(_word), Styles(_word), rightToLeft);
        if (LanguageCodes.IsRightToLeft(_sourceLanguage) != rightToLeft)
        {
            DocxScriptFormatting.Carry(Roots(_word).Concat(Styles(_word)), rightToLeft);
            DocxDirection.TurnWrappers(Roots(_word), rightToLeft);
        }
        _word.Dispose(); // saves the edited parts into the package
        _package.Position = 0;
        _package.CopyTo(output);
    }

    public void Dispose()
    {
        _word.Dispose();
        _package.Dispose();
    }

    /// <summary>The style definitions (and Word 2010's copy of them with effects), where formatting is inherited from.</summary>
    private static IEnumerable<OpenXmlElement> Styles(WordprocessingDocument word)
    {
        var main = word.MainDocumentPart!;
        return new[] { main.StyleDefinitionsPart?.Styles, main.StylesWithEffectsPart?.Styles }.OfType<OpenXmlElement>();
    }

    private static IEnumerable<OpenXmlElement> Roots(WordprocessingDocument word)
    {
        var main = word.MainDocumentPart!;
        yield return main.Document.Body!;
        foreach (var header in main.HeaderParts)
        {
            yield return header.Header;
        }
        foreach (var footer in main.FooterParts)
        {
            yield return footer.Footer;
        }
        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            foreach (var note in footnotes.Elements<Footnote>().Where(note => note.Type is null || note.Type.Value == FootnoteEndnoteValues.Normal))
            {
                yield return note;
            }
        }
        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            foreach (var note in endnotes.Elements<Endnote>().Where(note => note.Type is null || note.Type.Value == FootnoteEndnoteValues.Normal))
            {
                yield return note;
            }
        }
        if (main.WordprocessingCommentsPart?.Comments is { } comments)
        {
            yield return comments;
        }
    }

    private List<InlinePiece> Pieces(OpenXmlElement container, string baseLook) => Pieces([.. container.ChildElements], baseLook);

    private List<InlinePiece> Pieces(IReadOnlyList<OpenXmlElement> children, string baseLook)
    {
        var pieces = new List<InlinePiece>();
        for (int i = 0; i < children.Count; i++)
        {
            if (DocxField.At(children, i) is var (field, separate, end))
            {
                pieces.Add(new InlinePiece(PieceKind.Open, "", field));
                pieces.AddRange(Pieces([.. children.Skip(separate + 1).Take(end - separate - 1)], baseLook));
                pieces.Add(new InlinePiece(PieceKind.Close, "", field));
                i = end;
                continue;
            }
            switch (children[i])
            {
                case ParagraphProperties:
                    break;
                case Run run when !run.ChildElements.Any(DocxRuns.IsText):
                    pieces.Add(new InlinePiece(PieceKind.Atomic, "", run)); // a picture, a note reference, a field character outside a whole field
                    break;
                case Run run when DocxRuns.Look(run) == baseLook:
                    pieces.AddRange(RunPieces(run));
                    break;
                case Run run:
                    pieces.Add(new InlinePiece(PieceKind.Open, "", run));
                    pieces.AddRange(RunPieces(run));
                    pieces.Add(new InlinePiece(PieceKind.Close, "", run));
                    break;
                case var wrapper when DocxWrappers.ContentOf(wrapper) is { } content:
                    pieces.Add(new InlinePiece(PieceKind.Open, "", wrapper));
                    pieces.AddRange(Pieces(content, baseLook));
                    pieces.Add(new InlinePiece(PieceKind.Close, "", wrapper));
                    break;
                case var child:
                    pieces.Add(new InlinePiece(PieceKind.Atomic, "", child)); // bookmarks, deletions: kept as they are
                    break;
            }
        }
        return pieces;
    }

    private IEnumerable<InlinePiece> RunPieces(Run run)
    {
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case RunProperties:
                    continue;
                case WordText text:
                    yield return new InlinePiece(PieceKind.Text, text.Text);
                    continue;
                case SoftHyphen:
                    yield return new InlinePiece(PieceKind.Text, "\u00AD"); // the character, which the model's input drops: a code split the word
                    continue;
                case NoBreakHyphen:
                    yield return new InlinePiece(PieceKind.Text, "\u2011"); // the character: a code between two words gained a space
                    continue;
                case Break { Type: null } or CarriageReturn or TabChar or PositionalTab: // a tab separates what it aligns, as a break does
                case Break { Type.Value: var type } when type == BreakValues.TextWrapping: // the default, spelled out
                    _runOf[child] = run;
                    yield return new InlinePiece(PieceKind.Break, "", child);
                    continue;
                default:
                    _runOf[child] = run; // tabs, pictures, field codes, note references
                    yield return new InlinePiece(PieceKind.Atomic, "", child);
                    continue;
            }
        }
    }

    /// <summary>Puts a block's translation in place of its container's content; runs and wrappers are the same elements,
    /// emptied (their properties kept) and refilled.</summary>
    private void Rebuild(OpenXmlElement container, SegmentedBlock block, Run? baseRun)
    {
        foreach (var child in container.ChildElements.Where(child => child is not ParagraphProperties).ToList())
        {
            child.Remove();
        }
        foreach (var element in block.Pieces.Where(piece => piece.Kind == PieceKind.Open).Select(piece => piece.Origin).OfType<OpenXmlElement>())
        {
            foreach (var child in (DocxWrappers.ContentOf(element) ?? element).ChildElements.Where(child => !DocxWrappers.IsProperties(child)).ToList())
            {
                child.Remove();
            }
        }
        foreach (var kept in block.Pieces.Where(piece => piece.Kind is PieceKind.Atomic or PieceKind.Break).Select(piece => (OpenXmlElement)piece.Origin!))
        {
            kept.Parent?.RemoveChild(kept); // from a run of the common look, which is not written back itself
        }
        var open = new Stack<OpenXmlElement>([container]);
        foreach (var span in block.Spans)
        {
            if (span.Result?.Parts is { } parts)
            {
                foreach (var part in parts)
                {
                    Emit(open, part.Kind == OutputKind.Piece ? block.Pieces[part.Piece] : null, part.Text, baseRun);
                }
            }
            else
            {
                foreach (var part in span.Parts)
                {
                    var piece = block.Pieces[part.Piece];
                    Emit(open, piece.Kind == PieceKind.Text ? null : piece, BlockText.Original(block.Pieces, part), baseRun);
                }
            }
        }
    }

    private void Emit(Stack<OpenXmlElement> open, InlinePiece? piece, string text, Run? baseRun)
    {
        switch (piece?.Kind)
        {
            case null when text.Length > 0:
                Target(open, baseRun).AppendChild(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case null:
                break;
            case PieceKind.Open when piece.Origin is DocxField field:
                if (field.Code[0].Parent is null) // a field the translation repeats is written once
                {
                    open.Peek().Append(field.Code);
                }
                open.Push(open.Peek()); // the result's runs are the field's siblings
                break;
            case PieceKind.Close when piece.Origin is DocxField field:
                if (open.Count > 1)
                {
                    open.Pop();
                }
                if (field.End.Parent is null)
                {
                    open.Peek().AppendChild(field.End);
                }
                break;
            case PieceKind.Open when piece.Origin is OpenXmlElement { Parent: null } element:
                open.Push(DocxWrappers.ContentOf(open.Peek().AppendChild(element)) ?? element);
                break;
            case PieceKind.Open:
                open.Push(open.Peek()); // markup the translation repeats is written once
                break;
            case PieceKind.Close when open.Count > 1:
                open.Pop();
                break;
            case PieceKind.Close:
                break;
            default:
                var kept = (OpenXmlElement)piece.Origin!;
                if (kept.Parent is null) // a kept element the translation repeats is written once
                {
                    (_runOf.TryGetValue(kept, out var home) ? Target(open, home) : open.Peek()).AppendChild(kept);
                }
                break;
        }
    }

    /// <summary>Where run content goes: the open run, or a new run that looks like <paramref name="like"/> (the
    /// paragraph's common look, or the run a kept element came from).</summary>
    private static OpenXmlElement Target(Stack<OpenXmlElement> open, Run? like)
    {
        if (open.Peek() is Run run)
        {
            return run;
        }
        var added = new Run();
        if (like?.RunProperties is { } properties)
        {
            added.AppendChild(properties.CloneNode(true));
        }
        return open.Peek().AppendChild(added);
    }
}
