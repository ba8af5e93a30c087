using System.Text;
using Tarjama.Text;

namespace Tarjama.Documents;

/// <summary>A segment as the model reads it: normalised text with placeholders for markup and verbatim text.</summary>
/// <param name="Input">What the model is given.</param>
/// <param name="Kinds">The kind of each placeholder, by 0-based index.</param>
/// <param name="Stands">What each placeholder stands for: verbatim text, or a piece of the block.</param>
/// <param name="Source">The segment's original plain text, runs of whitespace as one space.</param>
/// <param name="HasText">False when there is nothing to translate: no letters outside placeholders.</param>
internal sealed record MaskedSegment(string Input, IReadOnlyList<PlaceholderKind> Kinds, IReadOnlyList<OutputPart> Stands, string Source, bool HasText)
{
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
        return new MaskedSegment(input.Text.ToString().TrimEnd(), input.Kinds, input.Stands, string.Join(' ', source.ToString().Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)), input.HasText);
    }

    /// <summary>A segment with nothing to translate, as it comes out: its own input restored, so its numbers and punctuation
    /// take the target's style as translated text does ("+١٫٢٪" is "+1.2%" in English); kept as it is when nothing changes.</summary>
    public SegmentResult Untranslated(MaskedSegment masked)
    {
        var restored = Placeholders.Restore(masked.Input, PunctuationStyle.Apply(masked.Input, targetLanguage), masked.Kinds);
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

        public StringBuilder Text { get; } = new();

        public List<PlaceholderKind> Kinds { get; } = [];

        public List<OutputPart> Stands { get; } = [];

        public bool HasText { get; private set; }

        public void AddText(string text)
        {
            foreach (char c in text)
            {
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
            Text.Append(Placeholders.Token(Kinds.Count));
            Kinds.Add(kind);
            Stands.Add(stands);
            (_pendingSpace, _afterPlaceholder) = (false, true);
        }
    }
}
