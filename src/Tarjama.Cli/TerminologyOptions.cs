using System.CommandLine;
using Tarjama.Quality;
using Tarjama.Terminology;
using Tarjama.Translation;

namespace Tarjama.Cli;

/// <summary>The glossary and quality-check options of <c>translate</c> and <c>eval</c>: <c>--glossary</c> and
/// <c>--qa-strict</c>.</summary>
internal sealed class TerminologyOptions
{
    /// <summary>Exit code of a run that finished but whose quality checks flagged a segment, under <c>--qa-strict</c>.</summary>
    public const int QaFlagged = 3;

    private TerminologyOptions()
    {
    }

    public Option<string[]> Glossary { get; } = new("--glossary")
    {
        Description = "A glossary for the model's direction (repeatable): source<TAB>target[<TAB>comment] lines, CSV, or TBX; its targets are enforced in the translation",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> QaStrict { get; } = new("--qa-strict")
    {
        Description = $"Exit with code {QaFlagged} when the quality checks flag any segment (the output is still written)",
    };

    public static TerminologyOptions AddTo(Command command, bool strict = true)
    {
        var options = new TerminologyOptions();
        command.Options.Add(options.Glossary);
        if (strict)
        {
            command.Options.Add(options.QaStrict);
        }
        return options;
    }

    /// <summary>The glossary's terms for <paramref name="translator"/>'s direction; null when no <c>--glossary</c> was given.</summary>
    public TermMatcher? Terms(ParseResult parse, ISegmentTranslator translator) =>
        parse.GetValue(Glossary) is { Length: > 0 } paths
            ? new TermMatcher(GlossaryReader.Load(paths, translator.SourceLanguage, translator.TargetLanguage))
            : null;

    /// <summary>The translator to use: <paramref name="translator"/> itself, or one that enforces the glossary.</summary>
    public static ISegmentTranslator Enforcing(Translator translator, TermMatcher? terms) =>
        terms is null ? translator : new GlossaryTranslator(translator, terms);

    /// <summary>Prints the quality summary line to standard error; the exit code, <see cref="QaFlagged"/> under
    /// <c>--qa-strict</c> when a segment was flagged.</summary>
    public int Finish(ParseResult parse, SegmentQualityChecker quality)
    {
        // On a terminal the findings end the summary line; elsewhere they get a line of their own when a glossary or
        // strict checks were asked for (pipelines and logs), and nothing otherwise.
        if (Console.IsErrorRedirected && (parse.GetValue(Glossary) is { Length: > 0 } || parse.GetValue(QaStrict)))
        {
            Console.Error.WriteLine($"tarjama: {quality.Summary()}");
        }
        return parse.GetValue(QaStrict) && quality.Flagged > 0 ? QaFlagged : 0;
    }
}
