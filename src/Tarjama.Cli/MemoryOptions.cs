using System.CommandLine;
using Tarjama.Memory;

namespace Tarjama.Cli;

/// <summary><c>--tm FILE</c> (repeatable: a memory made by <c>tarjama tm add</c>, or TMX, JSONL, XLIFF read at start) and
/// <c>--tm-fuzzy</c>, the least similarity of a fuzzy match reported.</summary>
internal sealed class MemoryOptions
{
    public const double LeastFuzzy = 0.5;

    public Option<string[]> Files { get; } = new("--tm")
    {
        Description = "Translation memory: a file made by tarjama tm add, or TMX, bilingual JSONL or XLIFF (repeatable; looked up in order)",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<double> Fuzzy { get; } = new("--tm-fuzzy")
    {
        Description = $"Least similarity ({LeastFuzzy} to 1: one minus the word-level edit distance, punctuation marks counting as words) of a fuzzy memory match reported in bilingual outputs",
        DefaultValueFactory = _ => 0.75,
    };

    /// <summary>Adds --tm, and --tm-fuzzy where fuzzy matches are shown (bilingual outputs).</summary>
    public void AddTo(Command command, bool withFuzzy = true)
    {
        command.Options.Add(Files);
        if (withFuzzy)
        {
            command.Options.Add(Fuzzy);
        }
    }

    /// <summary>The model, answering from the --tm memories first when there are any.</summary>
    public ISegmentTranslator Wrap(ParseResult parse, ISegmentTranslator model)
    {
        if (parse.GetValue(Files) is not { Length: > 0 } files)
        {
            return model;
        }
        try
        {
            return new MemoryTranslator(model, MemoryFiles.Open(files, model.SourceLanguage, model.TargetLanguage));
        }
        catch
        {
            (model as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>The memories named, open (the caller disposes them), and the fuzzy threshold.</summary>
    /// <exception cref="TarjamaException">A memory that cannot be opened, or --tm-fuzzy out of range.</exception>
    public (List<TranslationMemory> Memories, double Fuzzy) Open(ParseResult parse, string sourceLanguage, string targetLanguage)
    {
        double fuzzy = ReadFuzzy(parse);
        return (MemoryFiles.Open(parse.GetValue(Files) ?? [], sourceLanguage, targetLanguage), fuzzy);
    }

    /// <exception cref="TarjamaException">--tm-fuzzy out of range.</exception>
    public double ReadFuzzy(ParseResult parse)
    {
        double fuzzy = parse.GetValue(Fuzzy);
        return fuzzy >= LeastFuzzy && fuzzy <= 1 ? fuzzy : throw new TarjamaException($"--tm-fuzzy must be between {LeastFuzzy} and 1 (got {fuzzy})");
    }
}

/// <summary>Closes the memories a command opened.</summary>
internal sealed class MemoryOwner(List<TranslationMemory> memories) : IDisposable
{
    public void Dispose() => memories.ForEach(memory => memory.Dispose());
}
