using Tarjama.Terminology;
using Tarjama.Text;

namespace Tarjama.Quality;

/// <summary>Runs every check on translated segments of one direction, and counts what they flag. Safe to share
/// between threads.</summary>
public sealed class SegmentQualityChecker(string sourceLanguage, string targetLanguage, TermMatcher? terms = null)
{
    private static readonly IQualityCheck[] Checks =
        [new NumberCheck(), new GlossaryCheck(), new UntranslatedCheck(), new LengthRatioCheck(), new RepetitionCheck(), new VerbatimCheck(), new BracketCheck()];

    private readonly object _lock = new();
    private readonly Dictionary<string, int> _byCheck = new(StringComparer.Ordinal);
    private int _checked;
    private int _flagged;

    /// <summary>The issues of one segment (none for a good one), counted in <see cref="Summary"/>.</summary>
    public IReadOnlyList<QualityIssue> Check(string source, string target)
    {
        var termTargets = terms?.Match(source).Select(m => m.Entry.Target).ToList() ?? [];
        var segment = new QualitySegment(source, target, sourceLanguage, targetLanguage, termTargets);
        var issues = Checks.Select(check => check.Check(segment)).OfType<QualityIssue>().ToList();
        lock (_lock)
        {
            _checked++;
            _flagged += issues.Count > 0 ? 1 : 0;
            foreach (var issue in issues)
            {
                _byCheck[issue.Check] = _byCheck.GetValueOrDefault(issue.Check) + 1;
            }
        }
        return issues;
    }

    /// <summary>Segments flagged so far.</summary>
    public int Flagged
    {
        get
        {
            lock (_lock)
            {
                return _flagged;
            }
        }
    }

    /// <summary>One line for people: "qa: 18 segments checked, 2 flagged (numbers 1, length 1)".</summary>
    public string Summary()
    {
        lock (_lock)
        {
            var counts = _byCheck.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}");
            return $"qa: {Counted.Of(_checked, "segment")} checked, {_flagged} flagged" + (_flagged > 0 ? $" ({string.Join(", ", counts)})" : "");
        }
    }
}
