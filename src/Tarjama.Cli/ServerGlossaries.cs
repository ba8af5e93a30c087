using System.CommandLine;
using Tarjama.Terminology;

namespace Tarjama.Cli;

/// <summary><c>serve --glossary [PAIR=]FILE</c>: server-wide glossaries, for requests that bring none of their own.</summary>
internal static class ServerGlossaries
{
    public static Option<string[]> AddTo(Command command)
    {
        var option = new Option<string[]>("--glossary")
        {
            HelpName = "[PAIR=]FILE",
            Description = "A server-wide glossary (repeatable): ar-en=names.tsv for one direction; a file without a pair serves every direction",
            Arity = ArgumentArity.OneOrMore,
        };
        command.Options.Add(option);
        return option;
    }

    /// <summary>The glossary of each served pair ("ar-en") that has one.</summary>
    public static IReadOnlyDictionary<string, Glossary> Read(ParseResult parse, Option<string[]> option, IEnumerable<ISegmentTranslator> translators)
    {
        var files = (parse.GetValue(option) ?? []).Select(Split).ToList();
        var glossaries = new Dictionary<string, Glossary>(StringComparer.Ordinal);
        foreach (var translator in translators)
        {
            string pair = $"{translator.SourceLanguage}-{translator.TargetLanguage}";
            var paths = files.Where(f => f.Pair is null || f.Pair == pair).Select(f => f.Path).ToList();
            if (paths.Count > 0)
            {
                glossaries[pair] = GlossaryReader.Load(paths, translator.SourceLanguage, translator.TargetLanguage);
            }
        }
        var unknown = files.FirstOrDefault(f => f.Pair is not null && !translators.Any(t => $"{t.SourceLanguage}-{t.TargetLanguage}" == f.Pair));
        return unknown.Pair is null ? glossaries : throw new TarjamaException($"--glossary {unknown.Pair}={unknown.Path}: no model serves {unknown.Pair}");
    }

    /// <summary>"ar-en=FILE" as ("ar-en", "FILE"); a value without a pair as (null, value).</summary>
    internal static (string? Pair, string Path) Split(string value)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && value[..equals] is var pair && pair.Count(c => c == '-') == 1 && pair.All(c => char.IsAsciiLetterLower(c) || c == '-')
            ? (pair, value[(equals + 1)..])
            : (null, value);
    }
}
