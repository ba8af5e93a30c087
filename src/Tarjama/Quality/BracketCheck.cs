namespace Tarjama.Quality;

/// <summary>Brackets and quotation marks that are balanced in the source are balanced in the translation. Quotes
/// change shape between languages («» as “”, straight or curly), so all double quotes are one kind.</summary>
public sealed class BracketCheck : IQualityCheck
{
    private static readonly (string Name, string Opens, string Closes, char? Both)[] Kinds =
    [
        ("()", "(", ")", null),
        ("[]", "[", "]", null),
        ("{}", "{", "}", null),
        ("quotes", "«“„", "»”", '"'),
    ];

    public QualityIssue? Check(QualitySegment segment)
    {
        var unbalanced = Kinds.Where(kind => Balanced(segment.Source, kind) && !Balanced(segment.Target, kind)).Select(kind => kind.Name).ToList();
        return unbalanced.Count == 0 ? null : new QualityIssue("brackets", $"unbalanced {string.Join(", ", unbalanced)}");
    }

    private static bool Balanced(string text, (string Name, string Opens, string Closes, char? Both) kind)
    {
        int depth = 0;
        int both = 0;
        foreach (char c in text)
        {
            if (kind.Opens.Contains(c))
            {
                depth++;
            }
            else if (kind.Closes.Contains(c) && --depth < 0)
            {
                return false;
            }
            else if (c == kind.Both)
            {
                both++;
            }
        }
        return depth == 0 && both % 2 == 0;
    }
}
