using System.Text;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>A segment as the model reads it: normalised text with placeholders for markup and verbatim text.</summary>
/// <param name="Input">What the model is given.</param>
/// <param name="Kinds">The kind of each placeholder, by 0-based index.</param>
/// <param name="Stands">What each placeholder stands for: verbatim text, or a piece of the block.</param>
/// <param name="Spacing">Whether the source had whitespace before and after each placeholder.</param>
/// <param name="Source">The segment's original plain text, runs of whitespace as one space.</param>
/// <param name="HasText">False when there is nothing to translate: no letters outside placeholders.</param>
internal sealed record MaskedSegment(string Input, IReadOnlyList<PlaceholderKind> Kinds, IReadOnlyList<OutputPart> Stands, IReadOnlyList<SourceSpacing> Spacing, string Source, bool HasText)
{
    /// <summary>A character per placeholder for its kind and source spacing: segments with the same input and shape
    /// restore the same model output alike.</summary>
    public string Shape => string.Concat(Kinds.Select((kind, i) => (char)('A' + ((int)kind * 4) + (Spacing[i].Before ? 2 : 0) + (Spacing[i].After ? 1 : 0))));

    /// <summary>The model's <paramref name="output"/> restored: its placeholders replaced by what they stand for.</summary>
    public IReadOnlyList<RestoredPart> Restore(string output) => Placeholders.Restore(Input, output, Kinds, Spacing);

    /// <summary>The output parts of a restored translation: its text, and what each placeholder stands for.</summary>
    public List<OutputPart> Parts(IReadOnlyList<RestoredPart> restored) =>
        [.. restored.Select(part => part.Text is { } text ? new OutputPart(OutputKind.Translated, text) : Stands[part.Placeholder])];
}

/// <summary>Turns a segment's parts into the model's input: verbatim spans are found in the source text, the rest is
/// normalised, then numbers are found (to come out with the digits of <paramref name="targetLanguage"/>), and markup
/// pieces become placeholders.</summary>
internal sealed class SegmentMasker(VerbatimSpans verbatim, TextNormalizationOptions normalization, string targetLanguage)
{
    public MaskedSegment Mask(IReadOnlyList<InlinePiece> pieces, IReadOnlyList<PiecePart> parts)
    {
        var input = new ModelInput();
        var source = new StringBuilder();
        var run = new StringBuilder();
        foreach (var part in parts)
        {
            var piece = pieces[part.Piece];
            if (piece.Kind == PieceKind.Text)
            {
                run.Append(piece.Text, part.Start, part.Length);
                continue;
            }
            AddText(input, source, run);
            source.Append(piece.Text);
            var kind = piece.Kind switch { PieceKind.Open => PlaceholderKind.Open, PieceKind.Close => PlaceholderKind.Close, _ => PlaceholderKind.Atomic };
            input.AddPlaceholder(kind, new OutputPart(OutputKind.Piece, piece.Text, part.Piece));
        }
        AddText(input, source, run);
        return new MaskedSegment(input.Text.ToString().TrimEnd(), input.Kinds, input.Stands, input.Spacing, string.Join(' ', source.ToString().Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)), input.HasText);
    }

    /// <summary>A segment with nothing to translate, as it comes out: its own input restored, so its numbers and punctuation
    /// take the target's style as translated text does ("+١٫٢٪" is "+1.2%" in English); kept as it is when nothing changes.</summary>
    public SegmentResult Untranslated(MaskedSegment masked)
    {
        var restored = masked.Restore(PunctuationStyle.Apply(masked.Input, targetLanguage));
        var parts = masked.Parts(restored);
        var target = string.Concat(parts.Select(part => part.Text));
        return target == masked.Source ? new SegmentResult(null, masked.Source, masked.Source) : new SegmentResult(parts, masked.Source, target);
    }

    private void AddText(ModelInput input, StringBuilder source, StringBuilder run)
    {
        var text = run.ToString();
        run.Clear();
        source.Append(text);
        int position = 0;
        foreach (var span in verbatim.FindInSource(text))
        {
            AddNormalized(input, text[position..span.Start]);
            input.AddPlaceholder(PlaceholderKind.Verbatim, new OutputPart(OutputKind.Verbatim, span.Of(text)));
            position = span.End;
        }
        AddNormalized(input, text[position..]);
    }

    private void AddNormalized(ModelInput input, string text)
    {
        text = ArabicNormalizer.Normalize(text, normalization);
        int position = 0;
        foreach (var number in VerbatimSpans.FindNumbers(text))
        {
            input.AddText(text[position..number.Start]);
            input.AddPlaceholder(PlaceholderKind.Verbatim, new OutputPart(OutputKind.Verbatim, InTargetDigits(number.Of(text))));
            position = number.End;
        }
        input.AddText(text[position..]);
    }

    private string InTargetDigits(string number) => LanguageCodes.IsArabic(targetLanguage) ? number : WesternDigits.Apply(number);

    /// <summary>The model's input being written: whitespace runs become one space, and placeholders stand apart from words,
    /// so the model's tokenizer sees them as tokens of their own.</summary>
    private sealed class ModelInput
    {
        private bool _pendingSpace;
        private bool _afterPlaceholder;
        private bool _sourceSpaceBefore = true; // the segment's edge counts as whitespace
        private int _lettersBefore;
        private char _before;
        private int _awaitingAfter = -1; // the placeholder whose source spacing after it is not known yet

        public StringBuilder Text { get; } = new();

        public List<PlaceholderKind> Kinds { get; } = [];

        public List<OutputPart> Stands { get; } = [];

        public List<SourceSpacing> Spacing { get; } = [];

        public bool HasText { get; private set; }

        public void AddText(string text)
        {
            foreach (char c in text)
            {
                Follow(c);
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = Text.Length > 0;
                    continue;
                }
                if (_pendingSpace || (_afterPlaceholder && char.IsLetterOrDigit(c)))
                {
                    Text.Append(' ');
                }
                Text.Append(c);
                HasText |= char.IsLetter(c);
                (_pendingSpace, _afterPlaceholder) = (false, false);
            }
        }

        public void AddPlaceholder(PlaceholderKind kind, OutputPart stands)
        {
            if (Text.Length > 0 && (_pendingSpace || char.IsLetterOrDigit(Text[^1])))
            {
                Text.Append(' ');
            }
            var spacing = new SourceSpacing(_sourceSpaceBefore || AfterProclitic, After: true);
            Follow(null);
            Text.Append(Placeholders.Token(Kinds.Count));
            Kinds.Add(kind);
            Stands.Add(stands);
            Spacing.Add(spacing);
            _awaitingAfter = Kinds.Count - 1;
            (_pendingSpace, _afterPlaceholder) = (false, true);
        }

        /// <summary>A lone Arabic proclitic ("و" and, "ف" so, "ب" with, "ل" for, "ك" like) is written joined to what follows
        /// it, a code too, but is a word of its own in the target: it counts as a space before the code.</summary>
        private bool AfterProclitic => _lettersBefore == 1 && _before is 'و' or 'ف' or 'ب' or 'ل' or 'ك';

        /// <summary>Notes what the source has next, a character or (null) a placeholder: whether the placeholder just added
        /// had whitespace after it, and what the next one has before it.</summary>
        private void Follow(char? next)
        {
            bool space = next is { } c && char.IsWhiteSpace(c);
            if (_awaitingAfter >= 0 && !space)
            {
                Spacing[_awaitingAfter] = Spacing[_awaitingAfter] with { After = false };
            }
            (_awaitingAfter, _sourceSpaceBefore) = (-1, space);
            _lettersBefore = next is { } letter && char.IsLetter(letter) ? _lettersBefore + 1 : 0;
            _before = next ?? default;
        }
    }
}
